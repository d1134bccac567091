//! The expectations parser on arbitrary text: an error or a value, never a
//! panic; a value serialises and reads back the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::expect::Expectations;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(e) = Expectations::parse(text) {
        if let Ok(yaml) = serde_yaml::to_string(&e) {
            assert_eq!(Expectations::parse(&yaml).ok(), Some(e));
        }
    }
});
