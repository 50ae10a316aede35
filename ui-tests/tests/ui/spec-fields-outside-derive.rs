// Nor can a `Spec` be written with its fields named: they are private.
fn main() {
    let _ = apierr::Spec {
        code: "BAD\"CODE",
        status: 400,
        type_name: "T",
        variant: "",
        texts: [""; 8],
        headers: &[],
        data: &[],
        flags: 64,
    };
}
