// A `Spec` cannot be written as a literal outside the derive: its flags would be trusted to say
// which texts need no JSON escaping. `Spec::new` and its builders decide them instead.
fn main() {
    let _ = apierr::Spec("BAD\"CODE", 400, "T", "", [""; 7], &[], 64);
}
