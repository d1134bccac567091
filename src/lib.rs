//! quotecheck finds the quotes in a news article, attributes them to speakers,
//! and checks them against what an editor expects.
//!
//! The library never prints: it returns values, and the reporters in [`report`]
//! write them to whatever writer the caller hands in.

pub mod attribution;
pub mod bless;
pub mod check;
pub mod dialogue;
pub mod diff;
pub mod document;
pub mod entities;
pub mod error;
pub mod eval;
pub mod expect;
pub mod grammar;
pub mod input;
pub mod model;
mod names;
pub mod pipeline;
pub mod report;
pub mod rules;
pub mod run;

pub use document::Document;
pub use error::{Error, Result};
pub use model::{Diagnostic, Extraction, Level, Quote, Span};
pub use pipeline::Pipeline;
pub use rules::RuleSet;
