#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| apierr_tests::fuzz_bounded::validator_report(data));
