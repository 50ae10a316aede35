use apierr::format::{Layout, Slot, Value};

// A field's message only exists in an item of a list of field errors.
const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("code", Value::Code),
    Slot::new("msg", Value::FieldMessage),
]);

fn main() {
    let _ = &LAYOUT;
}
