use apierr::format::{Layout, Slot, Value};

const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("code", Value::Code),
    Slot::new(
        "details",
        Value::Array(&[Value::ErrorItems(&[Slot::new("code", Value::Code)])]),
    ),
]);

fn main() {
    let _ = &LAYOUT;
}
