use apierr::ApiError;

#[derive(Debug, thiserror::Error, ApiError)]
enum ParseError<'a> {
    #[error("unexpected token {0}")]
    #[api(code = "UNEXPECTED", status = 400)]
    Unexpected(&'a str),
    #[error("missing {name}")]
    #[api(code = "MISSING", status = 422, message = "missing field {name}")]
    Missing {
        #[api(member)]
        name: &'a str,
    },
}

fn main() {
    let input = String::from("}");
    let e = ParseError::Unexpected(&input);
    assert_eq!(e.message(), "unexpected token }");
    let e = ParseError::Missing { name: "email" };
    assert_eq!(e.message(), "missing field email");
    let body = apierr::Envelope::new(&e).to_value().unwrap();
    assert_eq!(body["error"]["name"], "email");
}
