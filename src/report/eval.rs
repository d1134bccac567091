//! Output of `quotecheck eval`: a table of the figures (overall and per
//! source) with the errors asked for, or the same as JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::eval::{Counts, ErrorCase, Figures};
use crate::run::eval::EvalResult;

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    counts: &'a Counts,
    #[serde(flatten)]
    figures: Figures,
}

#[derive(Serialize)]
struct Report<'a> {
    overall: Row<'a>,
    by_source: std::collections::BTreeMap<&'a str, Row<'a>>,
    misses: Vec<&'a ErrorCase>,
    wrong: Vec<&'a ErrorCase>,
}

pub fn write_json(out: &mut dyn Write, r: &EvalResult) -> io::Result<()> {
    let row = |c| Row {
        counts: c,
        figures: c.figures(),
    };
    let report = Report {
        overall: row(&r.overall),
        by_source: r
            .by_source
            .iter()
            .map(|(k, c)| (k.as_str(), row(c)))
            .collect(),
        misses: r.misses.iter().map(|m| &m.0).collect(),
        wrong: r.wrong.iter().map(|m| &m.0).collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

pub fn write_table(out: &mut dyn Write, r: &EvalResult) -> io::Result<()> {
    for (e, context) in &r.misses {
        writeln!(
            out,
            "MISS  {} [{}..{}] gold={:?}\n      {context}",
            e.id, e.gold_start, e.gold_end, e.gold_speaker
        )?;
    }
    for (e, context) in &r.wrong {
        writeln!(
            out,
            "WRONG {} [{}..{}] gold={:?} predicted={:?} mention={:?} rule={:?}\n      {context}",
            e.id, e.gold_start, e.gold_end, e.gold_speaker, e.predicted_speaker, e.mention, e.rule
        )?;
    }
    writeln!(
        out,
        "{:<12} {:>6} {:>7} {:>7} {:>8} {:>8} {:>9} {:>12} {:>11}",
        "source",
        "docs",
        "gold",
        "pred",
        "quote_P",
        "quote_R",
        "quote_F1",
        "attribution",
        "end_to_end"
    )?;
    for (source, counts) in &r.by_source {
        write_row(out, source, counts)?;
    }
    write_row(out, "all", &r.overall)
}

fn write_row(out: &mut dyn Write, name: &str, c: &Counts) -> io::Result<()> {
    let f = c.figures();
    writeln!(
        out,
        "{name:<12} {:>6} {:>7} {:>7} {:>8.3} {:>8.3} {:>9.3} {:>12.3} {:>11.3}",
        c.docs,
        c.gold,
        c.pred,
        f.quote_precision,
        f.quote_recall,
        f.quote_f1,
        f.attribution_accuracy,
        f.end_to_end
    )
}
