//! The check of an arbitrary article against arbitrary expectations: the
//! input is split at its first NUL byte into article and expectations YAML.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use quotecheck::check::check;
use quotecheck::expect::Expectations;
use quotecheck::{Pipeline, RuleSet};

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| Pipeline::new(&RuleSet::embedded()))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (article, yaml) = text.split_once('\0').unwrap_or((text, ""));
    let Ok(expect) = Expectations::parse(yaml) else { return };
    let extraction = pipeline().extract(article);
    for finding in check(&extraction, &expect, 0.8) {
        if let (Some(s), Some(e)) = (finding.start, finding.end) {
            assert!(s <= e && e <= article.len());
        }
    }
});
