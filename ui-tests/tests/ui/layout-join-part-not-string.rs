use apierr::format::{Layout, Slot, Value};

const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("code", Value::Code),
    Slot::new("link", Value::Join(&[Value::Code, Value::FieldMapOfLists])),
]);

fn main() {
    let _ = &LAYOUT;
}
