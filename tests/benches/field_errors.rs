//! Many field errors: adding, rendering and decoding a hundred thousand. Each was quadratic
//! once: a 1 MiB body (a client's usual limit) of ~95k field errors took 77 s to decode in
//! release. The goal is 100k decoded in at most 100 ms in release.
//!
//! Two shapes: `short`, short paths and messages (`"f12345":["bad"]`), as many as a 1 MiB
//! body holds; and `items`, list items (`"items[12345].qty":["must be at least 1"]`), 4 MiB.
//!
//! ```sh
//! cargo bench -p apierr-tests --bench field_errors
//! ```

use std::hint::black_box;
use std::time::Duration;

use apierr::decode::Decode;
use apierr::format::{AnyFormat, FieldLists, ProblemDetails};
use apierr::{ApiError, Envelope, FieldErrors};
use criterion::Criterion;

/// How many field errors each benchmark handles.
const COUNT: usize = 100_000;

#[derive(Debug, ApiError)]
enum FormError {
    #[api(
        code = "VALIDATION_ERROR",
        status = 400,
        message = "One or more validation errors occurred"
    )]
    Invalid(#[api(fields)] FieldErrors),
}

fn short() -> FieldErrors {
    (0..COUNT).map(|i| (format!("f{i}"), "bad")).collect()
}

fn items() -> FieldErrors {
    (0..COUNT)
        .map(|i| (format!("items[{i}].qty"), "must be at least 1"))
        .collect()
}

fn field_errors(c: &mut Criterion) {
    one_shape(c, "short", short);
    one_shape(c, "items", items);
}

fn one_shape(c: &mut Criterion, shape: &str, many: fn() -> FieldErrors) {
    let mut group = c.benchmark_group(format!("field_errors_100k/{shape}"));
    group.sample_size(10);
    group.bench_function("add", |b| b.iter(|| black_box(many())));
    let error = FormError::Invalid(many());
    let formats: [(&str, &dyn AnyFormat, &dyn Decode); 2] = [
        ("field_lists", &FieldLists, &FieldLists),
        (
            "problem_details",
            &ProblemDetails::new(),
            &ProblemDetails::new(),
        ),
    ];
    for (name, format, decoder) in formats {
        let envelope = Envelope::new(&error)
            .with_format(format)
            .with_max_len(usize::MAX);
        let body = envelope.to_vec().unwrap();
        println!("{shape}/{name}: a body of {} bytes", body.len());
        assert_eq!(decoder.decode(&body).unwrap().fields.len(), COUNT);
        group.bench_function(format!("render/{name}"), |b| {
            b.iter(|| black_box(envelope.to_vec().unwrap()));
        });
        group.bench_function(format!("decode/{name}"), |b| {
            b.iter(|| black_box(decoder.decode(black_box(&body)).unwrap()));
        });
    }
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .without_plots()
        .configure_from_args();
    field_errors(&mut criterion);
    criterion.final_summary();
}
