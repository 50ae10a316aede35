//! The catalogue as JSON, for tools and pages of your own.

use serde_json::{Map, Value, json};

use super::Catalog;

impl Catalog {
    /// The catalogue as JSON:
    /// `{"title","categories":[{"name","count","codes"}],"codes":[{…}]}`, each code with
    /// `code`, `status`, `category`, `description`, `when`, `details`, `message` (the fixed
    /// public message), `messageTemplate`, `title`, `problemType`, `fieldErrors`, `headers`
    /// (name → value; `null` for `Retry-After`, whose value varies), `type`, `variant` and
    /// `listings`: one `{"category","description","when","details","type","variant"}` per
    /// category that lists the code, with its text there (the code's own `category` to
    /// `variant` are its first listing's). Absent values are `null`.
    ///
    /// ```
    /// use apierr::ApiError;
    /// use apierr::catalog::Catalog;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(category = "Auth")]
    /// enum AuthError {
    ///     /// No token
    ///     #[api(code = "AUTH_MISSING", status = 401, message = "missing", www_authenticate = "Bearer")]
    ///     Missing,
    /// }
    ///
    /// let json = Catalog::of::<AuthError>().unwrap().to_json();
    /// assert_eq!(json["categories"], serde_json::json!([{"name": "Auth", "count": 1, "codes": ["AUTH_MISSING"]}]));
    /// assert_eq!(json["codes"][0]["status"], 401);
    /// assert_eq!(json["codes"][0]["headers"], serde_json::json!({"www-authenticate": "Bearer"}));
    /// ```
    #[must_use]
    pub fn to_json(&self) -> Value {
        let categories: Vec<Value> = self
            .categories()
            .iter()
            .map(|category| {
                json!({
                    "name": category.name(),
                    "count": category.listings().len(),
                    "codes": category.entries().iter().map(|e| e.code()).collect::<Vec<_>>(),
                })
            })
            .collect();
        let codes: Vec<Value> = self
            .entries
            .iter()
            .map(|entry| {
                let spec = entry.spec();
                let mut headers = Map::new();
                if let Some(challenge) = spec.www_authenticate() {
                    headers.insert("www-authenticate".into(), challenge.into());
                }
                for (name, value) in spec.headers() {
                    headers.insert((*name).into(), (*value).into());
                }
                if spec.has_retry_after() {
                    headers.insert("retry-after".into(), Value::Null);
                }
                let listings: Vec<Value> = entry
                    .listings()
                    .iter()
                    .map(|listing| {
                        json!({
                            "category": listing.category(),
                            "description": listing.description(),
                            "when": listing.when(),
                            "details": listing.details(),
                            "type": listing.spec().type_name(),
                            "variant": listing.spec().variant(),
                        })
                    })
                    .collect();
                json!({
                    "code": spec.code(),
                    "status": spec.status().as_u16(),
                    "category": spec.category(),
                    "description": entry.description(),
                    "when": entry.when(),
                    "details": entry.details(),
                    "message": spec.static_message(),
                    "messageTemplate": spec.message_template(),
                    "title": spec.title(),
                    "problemType": spec.problem_type(),
                    "fieldErrors": spec.has_field_errors(),
                    "headers": headers,
                    "type": spec.type_name(),
                    "variant": spec.variant(),
                    "listings": listings,
                })
            })
            .collect();
        json!({"title": self.title, "categories": categories, "codes": codes})
    }
}
