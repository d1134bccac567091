//! The nom grammar. Everything that recognises text lives here; the rest of the
//! crate sees plain offsets and types, never a nom parser or error.

pub mod quotes;
pub mod speech;
