use apierr::format::{Layout, Slot, Value};

const ITEM: &[Slot<'static>] = &[
    Slot::new("path", Value::FieldPath),
    Slot::new("all", Value::FieldMapOfLists),
];

const LAYOUT: Layout<'static> = Layout::new(&[
    Slot::new("code", Value::Code),
    Slot::new("errors", Value::FieldItems(ITEM)),
]);

fn main() {
    let _ = &LAYOUT;
}
