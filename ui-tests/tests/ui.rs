//! Compile-fail cases: each mistake and the error it gets. Compile-pass cases: what must build.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
    t.pass("tests/pass/*.rs");
}
