//! `quotecheck check`: each article against its expectations, a corpus in
//! parallel with output in a stable order, JSON Lines records in order.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use serde::Deserialize;

use super::{InputMode, Status};
use crate::bless;
use crate::check::{check, Finding, FindingKind};
use crate::error::{Error, ErrorKind, Result};
use crate::expect::{expectations_path, Expectations};
use crate::input::{self, Source};
use crate::pipeline::Pipeline;
use crate::report::check::{github, human, json, junit, ArticleReport, CheckFormat, Row, Summary};

/// Corpus runs at least this long show a progress bar (on a terminal).
const PROGRESS_MIN_ARTICLES: usize = 200;
const PROGRESS_WIDTH: usize = 30;

/// `\r[#####.....] 120/500 articles`, redrawn in place.
fn progress_bar(done: usize, total: usize) -> String {
    let filled = PROGRESS_WIDTH * done / total.max(1);
    let bar = format!(
        "{}{}",
        "#".repeat(filled),
        ".".repeat(PROGRESS_WIDTH - filled)
    );
    format!("\r[{bar}] {done}/{total} articles")
}

/// An article's report, and notes on what `--bless` wrote for it.
type Checked = (ArticleReport, Vec<String>);

#[derive(Debug, Clone)]
pub struct CheckOptions {
    pub paths: Vec<PathBuf>,
    /// Expectations for a single article, instead of the file beside it.
    pub expect: Option<PathBuf>,
    pub format: CheckFormat,
    pub input: InputMode,
    pub threshold: f32,
    pub bless: bool,
    pub quiet: bool,
    pub color: bool,
    /// Worker threads for a corpus run.
    pub jobs: usize,
    /// Where to append a Markdown summary (`$GITHUB_STEP_SUMMARY`).
    pub step_summary: Option<PathBuf>,
    /// Show a progress bar on the error stream for long corpus runs (set it
    /// when that stream is a terminal).
    pub progress: bool,
}

/// Runs the check and writes its report; returns the exit status.
pub fn run(
    pipeline: &Pipeline,
    opts: &CheckOptions,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Status {
    let mut emitter = Emitter::new(out, opts);
    let checked = emitter
        .start()
        .map_err(Error::from)
        .and_then(|()| match opts.input {
            InputMode::Text => check_articles(pipeline, opts, &mut emitter, err),
            InputMode::Jsonl => check_records(pipeline, opts, &mut emitter),
        });
    let finished = checked.and_then(|()| emitter.finish().map_err(Error::from));
    if let Err(e) = finished {
        return super::report_error(err, &e);
    }
    if let Some(path) = &opts.step_summary {
        let md = github::summary_markdown(&emitter.rows, emitter.summary);
        let appended = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .and_then(|mut f| f.write_all(md.as_bytes()));
        if let Err(e) = appended {
            return super::report_error(err, &Error::from(e).in_file(path));
        }
    }
    status_of(emitter.summary)
}

fn status_of(s: Summary) -> Status {
    if s.trouble > 0 {
        Status::Trouble
    } else if s.errors > 0 {
        Status::Findings
    } else {
        Status::Ok
    }
}

/// Writes article reports as they come, in order, and keeps only their
/// summary rows: memory does not grow with the corpus.
struct Emitter<'o> {
    out: &'o mut dyn Write,
    opts: &'o CheckOptions,
    summary: Summary,
    rows: Vec<Row>,
}

impl<'o> Emitter<'o> {
    fn new(out: &'o mut dyn Write, opts: &'o CheckOptions) -> Self {
        Emitter {
            out,
            opts,
            summary: Summary::default(),
            rows: Vec::new(),
        }
    }

    fn start(&mut self) -> std::io::Result<()> {
        match self.opts.format {
            CheckFormat::Junit => junit::write_header(self.out),
            _ => Ok(()),
        }
    }

    /// Writes one article's report, flushed, and forgets all but its row.
    fn emit(&mut self, r: &ArticleReport) -> std::io::Result<()> {
        let style = human::Style {
            color: self.opts.color,
        };
        match self.opts.format {
            CheckFormat::Human if self.opts.quiet => {}
            CheckFormat::Human => human::write_article(self.out, r, style)?,
            CheckFormat::Json => json::write_article(self.out, r)?,
            CheckFormat::Github => github::write_article(self.out, r)?,
            CheckFormat::Junit => junit::write_suite(self.out, r)?,
        }
        let row = r.row();
        self.summary.add(&row);
        if self.opts.step_summary.is_some() {
            self.rows.push(row);
        }
        self.out.flush()
    }

    fn finish(&mut self) -> std::io::Result<()> {
        let style = human::Style {
            color: self.opts.color,
        };
        match self.opts.format {
            CheckFormat::Json => json::write_summary(self.out, self.summary),
            CheckFormat::Human => human::write_summary(self.out, self.summary, style),
            CheckFormat::Junit => junit::write_footer(self.out),
            CheckFormat::Github => Ok(()),
        }
    }
}

/// Checks every article of the paths on `opts.jobs` threads; each report is
/// written as soon as those before it are, so the output is in path order
/// whatever order the threads finish in.
fn check_articles(
    pipeline: &Pipeline,
    opts: &CheckOptions,
    emitter: &mut Emitter,
    err: &mut dyn Write,
) -> Result<()> {
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        opts.paths.clone()
    };
    let (sources, errors) = input::resolve(&paths);
    if opts.expect.is_some() && sources.len() != 1 {
        let m =
            "--expect names the expectations of one article; give exactly one article".to_string();
        return Err(Error::new(ErrorKind::Usage(m)));
    }
    for e in &errors {
        let name = e
            .path
            .as_ref()
            .map_or("-".into(), |p| p.display().to_string());
        emitter.emit(&ArticleReport::trouble(name, e.to_string()))?;
    }
    let slots: Vec<Mutex<Option<Checked>>> = sources.iter().map(|_| Mutex::new(None)).collect();
    let next = AtomicUsize::new(0);
    let (tick, ticks) = std::sync::mpsc::channel::<()>();
    std::thread::scope(|scope| -> Result<()> {
        for _ in 0..opts.jobs.max(1).min(sources.len().max(1)) {
            let tick = tick.clone();
            let (next, slots, sources) = (&next, &slots, &sources);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(source) = sources.get(i) else { break };
                let done = check_source(pipeline, opts, source);
                if let Ok(mut slot) = slots[i].lock() {
                    *slot = Some(done);
                }
                let _ = tick.send(());
            });
        }
        drop(tick);
        let show = opts.progress && sources.len() >= PROGRESS_MIN_ARTICLES;
        let mut cursor = 0;
        for (done, ()) in ticks.iter().enumerate() {
            if show {
                let _ = write!(err, "{}", progress_bar(done + 1, sources.len()));
            }
            while let Some((report, notes)) = take_slot(&slots, cursor) {
                for note in notes {
                    let _ = writeln!(err, "{note}");
                }
                emitter.emit(&report)?;
                cursor += 1;
            }
        }
        if show {
            let _ = write!(err, "\r{}\r", " ".repeat(PROGRESS_WIDTH + 30));
        }
        Ok(())
    })
}

/// Takes the finished result at `i`, if it is there.
fn take_slot(slots: &[Mutex<Option<Checked>>], i: usize) -> Option<Checked> {
    slots.get(i)?.lock().ok()?.take()
}

/// Checks one article; the notes say what `--bless` wrote.
fn check_source(pipeline: &Pipeline, opts: &CheckOptions, source: &Source) -> Checked {
    let name = source.name();
    let text = match input::read_source(source) {
        Ok(t) => t,
        Err(e) if e.is_skip() => {
            let e = if e.path.is_some() {
                e
            } else {
                e.in_file(&name)
            };
            let report = ArticleReport::skipped(name, &e.to_string());
            return (report, vec![]);
        }
        Err(e) => {
            let e = if e.path.is_some() {
                e
            } else {
                e.in_file(&name)
            };
            return (ArticleReport::trouble(name, e.to_string()), vec![]);
        }
    };
    let expect_path = match (&opts.expect, source) {
        (Some(p), _) => Some(p.clone()),
        (None, Source::File(p)) => Some(expectations_path(p)),
        (None, Source::Stdin) => None,
    };
    match article_report(pipeline, opts, name.clone(), text, expect_path.as_deref()) {
        Ok(done) => done,
        Err(e) => (ArticleReport::trouble(name, e.to_string()), vec![]),
    }
}

fn article_report(
    pipeline: &Pipeline,
    opts: &CheckOptions,
    name: String,
    text: String,
    expect_path: Option<&Path>,
) -> Result<Checked> {
    let extraction = pipeline.extract(&text);
    let mut notes = Vec::new();
    if opts.expect.is_some() && !opts.bless {
        if let Some(p) = expect_path.filter(|p| !p.exists()) {
            // A file named with --expect must exist (only the file beside an
            // article may be absent): reading it reports why it cannot be.
            Expectations::load(p)?;
        }
    }
    let expectations = match expect_path {
        Some(p) if p.exists() => {
            let mut e = Expectations::load(p)?;
            if opts.bless {
                let unlisted = unlisted_quotes(&extraction, &e, opts.threshold);
                if !unlisted.is_empty() {
                    let old = input::read_file(p)?;
                    let new = bless::append(&old, &unlisted).map_err(|e| e.in_file(p))?;
                    bless::write_atomically(p, &new)?;
                    notes.push(format!(
                        "blessed: appended {} quotes to {}",
                        unlisted.len(),
                        p.display()
                    ));
                    e = Expectations::parse(&new).map_err(|e| e.in_file(p))?;
                }
            }
            Some(e)
        }
        Some(p) if opts.bless => {
            let new = bless::new_file(&extraction.quotes);
            bless::write_atomically(p, &new)?;
            notes.push(format!(
                "blessed: wrote {} quotes to {}",
                extraction.quotes.len(),
                p.display()
            ));
            Some(Expectations::parse(&new).map_err(|e| e.in_file(p))?)
        }
        _ => None,
    };
    let (findings, expected_quotes) = match &expectations {
        Some(e) => (
            check(&extraction, e, opts.threshold),
            e.quotes.iter().map(|q| q.text.clone()).collect(),
        ),
        None => {
            let shown = expect_path.map_or("none given (use --expect)".to_string(), |p| {
                p.display().to_string()
            });
            (vec![Finding::no_expectations(&shown)], Vec::new())
        }
    };
    let report = ArticleReport {
        name,
        expected: expectations.as_ref().map_or(0, |e| e.quotes.len()),
        found: extraction.quotes.len(),
        expected_quotes,
        findings,
        error: None,
        text,
    };
    Ok((report, notes))
}

/// The quotes of the article that no expectation matches.
fn unlisted_quotes(
    extraction: &crate::model::Extraction,
    e: &Expectations,
    threshold: f32,
) -> Vec<crate::model::Quote> {
    let everything = Expectations {
        unlisted: crate::expect::Unlisted::Fail,
        ..e.clone()
    };
    let findings = check(extraction, &everything, threshold);
    let starts: Vec<usize> = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Unexpected)
        .filter_map(|f| f.start)
        .collect();
    extraction
        .quotes
        .iter()
        .filter(|q| starts.contains(&q.start))
        .cloned()
        .collect()
}

/// One JSON Lines record of `check --input jsonl`.
#[derive(Debug, Deserialize)]
struct CheckRecord {
    #[serde(default)]
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    expect: Option<serde_json::Value>,
}

/// Reads records one at a time and writes each record's findings, flushed,
/// before reading the next.
fn check_records(pipeline: &Pipeline, opts: &CheckOptions, emitter: &mut Emitter) -> Result<()> {
    let paths = if opts.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        opts.paths.clone()
    };
    for path in paths {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            Box::new(BufReader::new(std::io::stdin().lock()))
        } else {
            match std::fs::File::open(&path) {
                Ok(f) => Box::new(BufReader::new(f)),
                Err(e) => {
                    let e = Error::from(e).in_file(&path).to_string();
                    emitter.emit(&ArticleReport::trouble(path.display().to_string(), e))?;
                    continue;
                }
            }
        };
        for (i, line) in reader.split(b'\n').enumerate() {
            let report = match line {
                Ok(l) if l.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(l) => record_report(pipeline, opts, &l, i + 1),
                Err(e) => ArticleReport::trouble(path.display().to_string(), e.to_string()),
            };
            emitter.emit(&report)?;
        }
    }
    Ok(())
}

fn record_report(
    pipeline: &Pipeline,
    opts: &CheckOptions,
    line: &[u8],
    number: usize,
) -> ArticleReport {
    let parsed = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte offset {}", e.valid_up_to()))
        .and_then(|l| {
            serde_json::from_str::<CheckRecord>(l).map_err(|e| format!("invalid JSON: {e}"))
        });
    let record = match parsed {
        Ok(r) => r,
        Err(e) => return ArticleReport::trouble(format!("line {number}"), e),
    };
    let name = match &record.id {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Null => format!("line {number}"),
        other => other.to_string(),
    };
    let expect = match record.expect.map(serde_json::from_value::<Expectations>) {
        Some(Ok(e)) => Some(e),
        Some(Err(e)) => {
            return ArticleReport::trouble(
                name,
                format!("line {number}: invalid expectations: {e}"),
            )
        }
        None => None,
    };
    let extraction = pipeline.extract(&record.text);
    let (findings, expected_quotes) = match &expect {
        Some(e) => (
            check(&extraction, e, opts.threshold),
            e.quotes.iter().map(|q| q.text.clone()).collect(),
        ),
        None => (
            vec![Finding::no_expectations("no \"expect\" in the record")],
            vec![],
        ),
    };
    ArticleReport {
        name,
        expected: expect.as_ref().map_or(0, |e| e.quotes.len()),
        found: extraction.quotes.len(),
        expected_quotes,
        findings,
        error: None,
        text: record.text,
    }
}

#[cfg(test)]
mod tests {
    use super::progress_bar;

    #[test]
    fn progress_bar_fills_in_proportion() {
        let bar = progress_bar(15, 30);
        assert!(bar.starts_with('\r'));
        assert_eq!(bar.matches('#').count(), 15);
        assert!(bar.ends_with("15/30 articles"));
    }
}
