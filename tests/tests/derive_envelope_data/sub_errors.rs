//! `#[api(errors)]`: several errors in one body.

use apierr::{ApiError, SubError, SubErrors};

#[derive(Debug, ApiError)]
#[api(code = "INNER_BATCH", status = 422, message = "inner batch failed")]
struct InnerBatch {
    #[api(errors)]
    errors: SubErrors,
}

#[derive(Debug, ApiError)]
enum BatchError {
    #[api(
        code = "BATCH_FAILED",
        status = 422,
        message = "{count} operations failed"
    )]
    Failed {
        count: usize,
        #[api(errors)]
        errors: SubErrors,
    },
    #[api(code = "BATCH_BOXED", status = 422, message = "boxed")]
    Boxed(#[api(errors)] Box<SubErrors>),
    #[api(code = "BATCH_EMPTY", status = 400, message = "empty batch")]
    Empty,
    #[api(transparent)]
    Inner(InnerBatch),
}

fn two_errors() -> SubErrors {
    SubErrors::new()
        .with(SubError::new("123").with_status(422))
        .with(SubError::new("456").with_title("Too short"))
}

fn codes(errors: Option<&SubErrors>) -> Option<Vec<&str>> {
    errors.map(|errors| errors.iter().map(SubError::code).collect())
}

#[test]
fn sub_errors_come_from_the_errors_field() {
    let failed = BatchError::Failed {
        count: 2,
        errors: two_errors(),
    };
    assert_eq!(codes(failed.sub_errors()), Some(vec!["123", "456"]));
    let boxed = BatchError::Boxed(Box::new(two_errors()));
    assert_eq!(codes(boxed.sub_errors()), Some(vec!["123", "456"]));
    assert_eq!(codes(BatchError::Empty.sub_errors()), None);
    let inner = BatchError::Inner(InnerBatch {
        errors: SubErrors::new().with(SubError::new("789")),
    });
    assert_eq!(codes(inner.sub_errors()), Some(vec!["789"]));
    // Through `dyn`, as the renderer sees it.
    let error: &dyn ApiError = &failed;
    assert_eq!(error.sub_errors().map(SubErrors::len), Some(2));
    // Not an extension member.
    assert_eq!(failed.member("errors").map(|m| m.name()), None);
}
