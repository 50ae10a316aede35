//! `rename_all`: codes derived from variant names, with serde's case styles.

use std::fmt::Write as _;

/// A case style, as serde spells them.
#[derive(Clone, Copy)]
pub enum RenameRule {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

/// Every accepted spelling, in the order error messages list them.
pub const RULES: &[(&str, RenameRule)] = &[
    ("lowercase", RenameRule::Lower),
    ("UPPERCASE", RenameRule::Upper),
    ("PascalCase", RenameRule::Pascal),
    ("camelCase", RenameRule::Camel),
    ("snake_case", RenameRule::Snake),
    ("SCREAMING_SNAKE_CASE", RenameRule::ScreamingSnake),
    ("kebab-case", RenameRule::Kebab),
    ("SCREAMING-KEBAB-CASE", RenameRule::ScreamingKebab),
];

impl RenameRule {
    pub fn from_name(name: &str) -> Option<Self> {
        for (known, rule) in RULES {
            if *known == name {
                return Some(*rule);
            }
        }
        None
    }

    /// Applies the rule to a `PascalCase` variant name, word boundaries being capitals, exactly
    /// as serde renames variants (so `HTTPError` is `h_t_t_p_error` in both).
    pub fn apply(self, variant: &str) -> String {
        let snake = || {
            let mut out = String::with_capacity(variant.len() + 4);
            for (i, c) in variant.chars().enumerate() {
                if i > 0 && c.is_uppercase() {
                    out.push('_');
                }
                out.extend(c.to_lowercase());
            }
            out
        };
        match self {
            RenameRule::Lower => variant.to_ascii_lowercase(),
            RenameRule::Upper => variant.to_ascii_uppercase(),
            RenameRule::Pascal => variant.to_owned(),
            RenameRule::Camel => {
                let mut out = String::with_capacity(variant.len());
                let mut chars = variant.chars();
                if let Some(first) = chars.next() {
                    out.extend(first.to_lowercase());
                }
                let _ = write!(out, "{}", chars.as_str());
                out
            }
            RenameRule::Snake => snake(),
            RenameRule::ScreamingSnake => snake().to_ascii_uppercase(),
            RenameRule::Kebab => kebab(snake()),
            RenameRule::ScreamingKebab => kebab(snake()).to_ascii_uppercase(),
        }
    }
}

/// `snake` with its `_`s made `-`s.
fn kebab(snake: String) -> String {
    let mut out = String::with_capacity(snake.len());
    for c in snake.chars() {
        out.push(if c == '_' { '-' } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RenameRule;

    #[test]
    fn matches_serde_variant_renames() {
        let cases = [
            ("lowercase", "twofactorrequired"),
            ("UPPERCASE", "TWOFACTORREQUIRED"),
            ("PascalCase", "TwoFactorRequired"),
            ("camelCase", "twoFactorRequired"),
            ("snake_case", "two_factor_required"),
            ("SCREAMING_SNAKE_CASE", "TWO_FACTOR_REQUIRED"),
            ("kebab-case", "two-factor-required"),
            ("SCREAMING-KEBAB-CASE", "TWO-FACTOR-REQUIRED"),
        ];
        for (rule, expected) in cases {
            let rule = RenameRule::from_name(rule).unwrap();
            assert_eq!(rule.apply("TwoFactorRequired"), expected);
        }
        assert_eq!(RenameRule::Snake.apply("HTTPError"), "h_t_t_p_error");
    }
}
