//! An error response through the HTTP integrations, beside a hand-written response with the
//! same status, headers and body: axum (a `Router` driven with tower's `oneshot`) and
//! actix-web (`actix_web::test::call_service`), each without and with apierr's layer.
//!
//! The error contenders of each group, all answering with the same bytes (checked before timing):
//! - `derived`: the handler returns `Err(AuthError::Missing)`, a `#[derive(ApiError)]` type;
//! - `hand_bytes`: a hand-written `IntoResponse` / `ResponseError` sending the finished body;
//! - `hand_json`: the same, serializing a `#[derive(Serialize)]` body with serde_json each time,
//!   as users write it today.
//!
//! The groups `axum/layer` and `actix/layer` put every handler behind `ApiErrorLayer` /
//! `ApiErrors`, which give the derived error its request context; the hand-written responses
//! pass through the same layer, so the ratio is what the derived error adds.
//!
//! Each group also has `ok`, a successful response (`200`, `ok`): `*/layer/ok` against
//! `*/plain/ok` is what the layer costs every request, error or not.
//!
//! Modes as in `render/main.rs`: criterion by default, `APIERR_BENCH_ROUNDS=5` for interleaved
//! rounds (the fastest of each printed), `APIERR_BENCH_COUNT=axum/plain/derived:N` to run one
//! contender N times for callgrind.

use std::hint::black_box;
use std::time::{Duration, Instant};

use apierr::ApiError;
use criterion::Criterion;
use serde::Serialize;

#[derive(Debug, thiserror::Error, ApiError)]
enum AuthError {
    #[error("No authentication token provided")]
    #[api(code = "AUTH_MISSING", status = 401)]
    Missing,
}

/// The body every contender sends.
const BODY: &[u8] = br#"{"success":false,"error":{"code":"AUTH_MISSING","message":"No authentication token provided","status":401}}"#;
/// The body of the successful response.
const OK: &str = "ok";
/// Every group's contenders, named after the path each requests.
const CONTENDERS: [&str; 4] = ["derived", "hand_bytes", "hand_json", "ok"];
/// The challenge apierr adds to a 401 that declares none.
const CHALLENGE: &str = "Bearer";

#[derive(Serialize)]
struct NestedBody<'a> {
    success: bool,
    error: NestedInner<'a>,
}

#[derive(Serialize)]
struct NestedInner<'a> {
    code: &'a str,
    message: &'a str,
    status: u16,
}

fn hand_json() -> Vec<u8> {
    serde_json::to_vec(&NestedBody {
        success: false,
        error: NestedInner {
            code: "AUTH_MISSING",
            message: "No authentication token provided",
            status: 401,
        },
    })
    .unwrap()
}

/// One measured way of answering a request.
type Contender<'a> = (&'static str, Box<dyn FnMut() + 'a>);

mod axum_side {
    use ::axum::Router;
    use ::axum::body::Body;
    use ::axum::response::{IntoResponse, Response};
    use ::axum::routing::get;
    use apierr::axum::ApiErrorLayer;
    use http::{HeaderValue, Request, StatusCode, header};
    use tower::ServiceExt;

    use super::*;

    enum Hand {
        Bytes,
        Json,
    }

    impl IntoResponse for Hand {
        fn into_response(self) -> Response {
            let body = match self {
                Hand::Bytes => Body::from(BODY),
                Hand::Json => Body::from(hand_json()),
            };
            let mut response = Response::new(body);
            *response.status_mut() = StatusCode::UNAUTHORIZED;
            let headers = response.headers_mut();
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(CHALLENGE),
            );
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            response
        }
    }

    fn router(layer: bool) -> Router {
        let router = Router::new()
            .route(
                "/derived",
                get(|| async { Err::<String, _>(AuthError::Missing) }),
            )
            .route(
                "/hand_bytes",
                get(|| async { Err::<String, _>(Hand::Bytes) }),
            )
            .route("/hand_json", get(|| async { Err::<String, _>(Hand::Json) }))
            .route("/ok", get(|| async { OK }));
        if layer {
            router.layer(ApiErrorLayer::new())
        } else {
            router
        }
    }

    fn request(path: &str) -> Request<Body> {
        Request::get(path).body(Body::empty()).unwrap()
    }

    pub fn groups(each: &mut dyn FnMut(&str, Vec<Contender<'_>>)) {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        for (group, layer) in [("axum/plain", false), ("axum/layer", true)] {
            let app = router(layer);
            // The same response from every contender.
            for path in ["/derived", "/hand_bytes", "/hand_json"] {
                let response = runtime
                    .block_on(app.clone().oneshot(request(path)))
                    .unwrap();
                assert_eq!(response.status(), 401, "{path}");
                assert_eq!(response.headers()["content-type"], "application/json");
                assert_eq!(response.headers()["www-authenticate"], CHALLENGE);
                assert_eq!(response.headers().contains_key("x-request-id"), layer);
                let body = runtime
                    .block_on(::axum::body::to_bytes(response.into_body(), 1 << 16))
                    .unwrap();
                assert_eq!(body, BODY, "{path}");
            }
            let response = runtime
                .block_on(app.clone().oneshot(request("/ok")))
                .unwrap();
            assert_eq!(response.status(), 200);
            assert_eq!(response.headers().contains_key("x-request-id"), layer);
            let body = runtime
                .block_on(::axum::body::to_bytes(response.into_body(), 1 << 16))
                .unwrap();
            assert_eq!(body, OK);
            let contenders: Vec<Contender<'_>> = CONTENDERS
                .into_iter()
                .map(|name| {
                    let app = app.clone();
                    let runtime = &runtime;
                    let path = format!("/{name}");
                    let run: Box<dyn FnMut() + '_> = Box::new(move || {
                        let response = runtime
                            .block_on(app.clone().oneshot(request(black_box(&path))))
                            .unwrap();
                        black_box(response);
                    });
                    (name, run)
                })
                .collect();
            each(group, contenders);
        }
    }
}

mod actix_side {
    use actix_web::http::StatusCode;
    use actix_web::http::header::{self, HeaderValue};
    use actix_web::{App, HttpResponse, ResponseError, test, web};
    use apierr::actix::ApiErrors;

    use super::*;

    #[derive(Debug)]
    enum Hand {
        Bytes,
        Json,
    }

    impl std::fmt::Display for Hand {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("No authentication token provided")
        }
    }

    impl ResponseError for Hand {
        fn status_code(&self) -> StatusCode {
            StatusCode::UNAUTHORIZED
        }

        fn error_response(&self) -> HttpResponse {
            let mut response = HttpResponse::Unauthorized();
            response.insert_header((
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(CHALLENGE),
            ));
            response.insert_header((
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            ));
            match self {
                Hand::Bytes => response.body(BODY),
                Hand::Json => response.body(hand_json()),
            }
        }
    }

    pub fn groups(each: &mut dyn FnMut(&str, Vec<Contender<'_>>)) {
        let system = actix_web::rt::System::new();
        for (group, layer) in [("actix/plain", false), ("actix/layer", true)] {
            let app = App::new()
                .route(
                    "/derived",
                    web::get().to(|| async { Err::<String, _>(AuthError::Missing) }),
                )
                .route(
                    "/hand_bytes",
                    web::get().to(|| async { Err::<String, _>(Hand::Bytes) }),
                )
                .route(
                    "/hand_json",
                    web::get().to(|| async { Err::<String, _>(Hand::Json) }),
                )
                .route("/ok", web::get().to(|| async { OK }));
            let contenders: Vec<Contender<'_>> = if layer {
                let service = system.block_on(test::init_service(app.wrap(ApiErrors::new())));
                contenders(&system, service, layer, |path| {
                    test::TestRequest::get().uri(path).to_request()
                })
            } else {
                let service = system.block_on(test::init_service(app));
                contenders(&system, service, layer, |path| {
                    test::TestRequest::get().uri(path).to_request()
                })
            };
            each(group, contenders);
        }
    }

    fn contenders<'a, S, B, E, R>(
        system: &'a actix_web::rt::SystemRunner,
        service: S,
        layer: bool,
        request: fn(&str) -> R,
    ) -> Vec<Contender<'a>>
    where
        S: actix_web::dev::Service<R, Response = actix_web::dev::ServiceResponse<B>, Error = E>
            + 'a,
        B: actix_web::body::MessageBody + 'a,
        E: std::fmt::Debug,
        R: 'a,
    {
        let service = std::rc::Rc::new(service);
        for path in ["/derived", "/hand_bytes", "/hand_json"] {
            let response = system.block_on(test::call_service(&*service, request(path)));
            assert_eq!(response.status(), 401, "{path}");
            let header = |name: &str| response.headers().get(name).cloned();
            assert_eq!(
                header("content-type"),
                Some(HeaderValue::from_static("application/json"))
            );
            assert_eq!(
                header("www-authenticate"),
                Some(HeaderValue::from_static(CHALLENGE))
            );
            assert_eq!(header("x-request-id").is_some(), layer);
            let body = system.block_on(test::read_body(response));
            assert_eq!(body, BODY, "{path}");
        }
        let response = system.block_on(test::call_service(&*service, request("/ok")));
        assert_eq!(response.status(), 200);
        assert_eq!(response.headers().get("x-request-id").is_some(), layer);
        assert_eq!(system.block_on(test::read_body(response)), OK);
        CONTENDERS
            .into_iter()
            .map(|name| {
                let service = std::rc::Rc::clone(&service);
                let path = format!("/{name}");
                let run: Box<dyn FnMut() + 'a> = Box::new(move || {
                    let request = request(black_box(&path));
                    black_box(system.block_on(test::call_service(&*service, request)));
                });
                (name, run)
            })
            .collect()
    }
}

/// Calls `each` with every group: its name and its contenders.
fn groups(mut each: impl FnMut(&str, Vec<Contender<'_>>)) {
    axum_side::groups(&mut each);
    actix_side::groups(&mut each);
}

fn criterion_run(c: &mut Criterion) {
    groups(|name, all| {
        let mut group = c.benchmark_group(name);
        for (contender, mut run) in all {
            group.bench_function(contender, |b| b.iter(&mut run));
        }
        group.finish();
    });
}

/// Each group's contenders timed in turn, `rounds` times; prints the fastest round of each.
fn interleaved(rounds: usize) {
    const BATCH: u32 = 2_000;
    groups(|name, mut all| {
        let mut best = vec![f64::INFINITY; all.len()];
        for _ in 0..rounds {
            for ((_, run), best) in all.iter_mut().zip(&mut best) {
                for _ in 0..BATCH / 10 {
                    run();
                }
                let start = Instant::now();
                for _ in 0..BATCH {
                    run();
                }
                *best = best.min(start.elapsed().as_secs_f64() * 1e9 / f64::from(BATCH));
            }
        }
        for ((contender, _), best) in all.iter().zip(best) {
            println!("{name}/{contender} {best:.1}");
        }
    });
}

/// Runs one `group/contender` `n` times, for instruction counting.
fn count(spec: &str) -> Result<(), String> {
    let (wanted, n) = spec.rsplit_once(':').ok_or("expected group/contender:N")?;
    let n: usize = n.parse().map_err(|_| format!("bad count in {spec}"))?;
    let mut found = false;
    groups(|name, all| {
        for (contender, mut run) in all {
            if wanted == format!("{name}/{contender}") {
                for _ in 0..n {
                    run();
                }
                found = true;
            }
        }
    });
    if found {
        Ok(())
    } else {
        Err(format!("no benchmark called {wanted}"))
    }
}

fn main() {
    if let Ok(spec) = std::env::var("APIERR_BENCH_COUNT") {
        if let Err(message) = count(&spec) {
            eprintln!("{message}");
            std::process::exit(2);
        }
        return;
    }
    if let Ok(rounds) = std::env::var("APIERR_BENCH_ROUNDS") {
        interleaved(rounds.parse().unwrap_or(5));
        return;
    }
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .without_plots()
        .configure_from_args();
    criterion_run(&mut criterion);
    criterion.final_summary();
}
