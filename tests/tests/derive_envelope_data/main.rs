//! What the derive puts in and around the envelope (issue 15): a format from any expression,
//! numeric codes, fixed data per code, sub-errors, one member by name, member names that only
//! the chosen format reserves, and 2xx statuses for APIs that answer errors with 200.

mod data;
mod format_expr;
mod members;
mod numeric_codes;
mod sub_errors;
mod success_status;
