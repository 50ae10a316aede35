//! The keys of `#[api(...)]`: one type per kind of attribute, so that each parse is an
//! exhaustive `match` and a key's name is written once, here.

/// A key of one kind of attribute.
pub trait Key: Copy + 'static {
    /// The key as written in `#[api(...)]`.
    fn name(self) -> &'static str;

    /// The key written `name`, if this kind of attribute has it.
    fn from_name(name: &str) -> Option<Self>;

    /// Whether the key may be given more than once, each time adding to the others.
    fn repeats(self) -> bool;
}

/// Declares a key type: its variants, the name each is written as, all of them in the order
/// suggestions prefer, and those that may be repeated.
macro_rules! keys {
    (
        $(#[$doc:meta])* $name:ident { $($(#[$key_doc:meta])* $key:ident = $text:literal,)* }
        repeats [$($repeats:ident),*]
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Debug)]
        pub enum $name {
            $($(#[$key_doc])* $key,)*
        }

        impl $name {
            /// Every key, in the order of the documentation.
            pub const ALL: &'static [Self] = &[$(Self::$key,)*];
        }

        impl Key for $name {
            fn name(self) -> &'static str {
                match self {
                    $(Self::$key => $text,)*
                }
            }

            fn from_name(name: &str) -> Option<Self> {
                match name {
                    $($text => Some(Self::$key),)*
                    _ => None,
                }
            }

            fn repeats(self) -> bool {
                let repeating: &[Self] = &[$(Self::$repeats),*];
                repeating.contains(&self)
            }
        }
    };
}

keys! {
    /// A key of the enum's own `#[api(...)]`; a struct takes some of them (see
    /// [`ContainerKey::on_struct`]).
    ContainerKey {
        Status = "status",
        Category = "category",
        RenameAll = "rename_all",
        Format = "format",
        WwwAuthenticate = "www_authenticate",
        CodeEnum = "code_enum",
        Display = "display",
        Data = "data",
        AllowSuccessStatus = "allow_success_status",
        NoResponseImpls = "no_response_impls",
    }
    repeats []
}

keys! {
    /// A key of one code's `#[api(...)]`: a variant's, or a struct's.
    CaseKey {
        Code = "code",
        Status = "status",
        Message = "message",
        Transparent = "transparent",
        Expose = "expose",
        Redact = "redact",
        Category = "category",
        Title = "title",
        Type = "type",
        WwwAuthenticate = "www_authenticate",
        /// `header("name", "value")`, the one key that may be given more than once.
        Header = "header",
        Data = "data",
        AllowSuccessStatus = "allow_success_status",
    }
    repeats [Header]
}

keys! {
    /// A key of a field's `#[api(...)]`.
    FieldKey {
        Fields = "fields",
        Errors = "errors",
        Member = "member",
        RetryAfter = "retry_after",
        Header = "header",
    }
    repeats []
}

impl ContainerKey {
    /// Whether a struct, being its own container, takes this key as the container's. The
    /// others a struct takes as its case's, as a variant would ([`CaseKey`]), or not at all
    /// (`rename_all`: a struct has one code, written as it is).
    pub fn on_struct(self) -> bool {
        match self {
            ContainerKey::Format
            | ContainerKey::CodeEnum
            | ContainerKey::Display
            | ContainerKey::NoResponseImpls => true,
            ContainerKey::Status
            | ContainerKey::Category
            | ContainerKey::RenameAll
            | ContainerKey::WwwAuthenticate
            | ContainerKey::Data
            | ContainerKey::AllowSuccessStatus => false,
        }
    }
}

impl CaseKey {
    /// Whether a `transparent` case takes this from its inner error instead, so that writing
    /// it as well is a mistake.
    pub fn supplied_by_inner_error(self) -> bool {
        match self {
            CaseKey::Transparent => false,
            CaseKey::Code
            | CaseKey::Status
            | CaseKey::Message
            | CaseKey::Expose
            | CaseKey::Redact
            | CaseKey::Category
            | CaseKey::Title
            | CaseKey::Type
            | CaseKey::WwwAuthenticate
            | CaseKey::Header
            | CaseKey::Data
            | CaseKey::AllowSuccessStatus => true,
        }
    }
}

/// Where an `#[api(...)]` attribute stands; each place takes its own keys.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Enum,
    Struct,
    Variant,
    Field,
}

impl Place {
    /// The names of the keys this place takes, in the order suggestions prefer.
    pub fn names(self) -> Vec<&'static str> {
        // Loops: each iterator adapter over each key type would be compiled on its own.
        let mut names = Vec::new();
        if matches!(self, Place::Variant | Place::Struct) {
            for key in CaseKey::ALL {
                names.push(key.name());
            }
        }
        for key in ContainerKey::ALL {
            if self == Place::Enum || (self == Place::Struct && key.on_struct()) {
                names.push(key.name());
            }
        }
        if self == Place::Field {
            for key in FieldKey::ALL {
                names.push(key.name());
            }
        }
        names
    }

    /// The key named `name` as this place spells it, if it takes it: the name is the key's
    /// one identity across places, as it is what users write.
    pub fn key(self, name: &str) -> Option<&'static str> {
        for known in self.names() {
            if known == name {
                return Some(known);
            }
        }
        None
    }

    pub fn name(self) -> &'static str {
        match self {
            Place::Enum => "an enum",
            Place::Struct => "a struct",
            Place::Variant => "a variant",
            Place::Field => "a field",
        }
    }

    /// Where a key that does not belong here goes instead, and its name.
    pub fn elsewhere(self, name: &str) -> Option<(&'static str, &'static str)> {
        for other in [Place::Variant, Place::Enum, Place::Field, Place::Struct] {
            if let Some(key) = other.key(name) {
                return Some(match other {
                    Place::Variant if self == Place::Enum => ("each variant", key),
                    other => (other.name(), key),
                });
            }
        }
        None
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
/// Of several nearest, the first. (A `dyn` iterator and a loop: the callers' iterators are of
/// different types, each of which would compile a copy.)
pub fn closest<'a>(word: &str, candidates: &mut dyn Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.len().max(3) / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let distance = edit_distance(word, candidate);
        let nearer = match best {
            Some((best, _)) => distance < best,
            None => distance <= limit,
        };
        if nearer {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// Edits between `a` and `b`, a swap of two neighbours counting as one (the optimal string
/// alignment distance): `cdoe` is one slip away from `code`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().map(|c| c.to_ascii_lowercase()).collect();
    let b: Vec<char> = b.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        current[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            current[j] = (previous[j] + 1)
                .min(current[j - 1] + 1)
                .min(previous[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                current[j] = current[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut previous);
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::{CaseKey, ContainerKey, FieldKey, Key, Place, closest};

    #[test]
    fn suggests_near_keys_only() {
        let keys = ["code", "status", "message", "transparent"];
        let closest = |word| closest(word, &mut keys.into_iter());
        assert_eq!(closest("stauts"), Some("status"));
        assert_eq!(closest("mesage"), Some("message"));
        assert_eq!(closest("cdoe"), Some("code"));
        assert_eq!(closest("colour"), None);
    }

    #[test]
    fn names_round_trip() {
        for key in ContainerKey::ALL {
            assert_eq!(ContainerKey::from_name(key.name()), Some(*key));
        }
        for key in CaseKey::ALL {
            assert_eq!(CaseKey::from_name(key.name()), Some(*key));
        }
        for key in FieldKey::ALL {
            assert_eq!(FieldKey::from_name(key.name()), Some(*key));
        }
    }

    #[test]
    fn misplaced_keys_say_where_they_go() {
        assert_eq!(
            Place::Enum.elsewhere("code"),
            Some(("each variant", "code"))
        );
        assert_eq!(
            Place::Struct.elsewhere("rename_all"),
            Some(("an enum", "rename_all"))
        );
        assert_eq!(
            Place::Variant.elsewhere("member"),
            Some(("a field", "member"))
        );
        assert_eq!(
            Place::Variant.elsewhere("format"),
            Some(("an enum", "format"))
        );
        assert_eq!(Place::Field.elsewhere("colour"), None);
    }
}
