use apierr::format::{Layout, Slot, Value};

const LAYOUT: Layout<'static> = Layout::new(&[Slot::new("code", Value::Code)])
    .with_headers(&[Slot::new("X-Error-Code", Value::Code)]);

fn main() {
    let _ = &LAYOUT;
}
