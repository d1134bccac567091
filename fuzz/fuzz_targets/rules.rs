//! The rules parser on arbitrary text, merged over the built-in rules; rules
//! that load must compile into a pipeline that runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::{Pipeline, RuleSet};

const SAMPLE: &str = "“It’s over,” Sen. Ann Lee said. He added 'no' and \"maybe\" — ''yes''.\n\n«Oui», a dit Marie.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut rules = RuleSet::embedded();
    if rules.merge_text(text, std::path::Path::new("fuzz.yaml")).is_ok() {
        let _ = Pipeline::new(&rules).extract(SAMPLE);
    }
});
