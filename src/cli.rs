//! Command-line types (clap derive). Each converts to the library's options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use quotecheck::check::DEFAULT_THRESHOLD;
use quotecheck::report::check::CheckFormat;
use quotecheck::report::Format;
use quotecheck::run::check::CheckOptions;
use quotecheck::run::eval::EvalOptions;
use quotecheck::run::{ExtractOptions, InputMode};

#[derive(Debug, Parser)]
#[command(
    name = "quotecheck",
    version,
    about = "Finds who said what in news articles, and checks it"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print every quote of the articles, with offsets.
    Extract(ExtractArgs),
    /// Check articles against their expectations (NAME.quotes.yaml beside NAME.txt).
    Check(CheckArgs),
    /// Score extraction and attribution against annotated JSON Lines corpora.
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Gold files in the JSON Lines format of the evaluation corpora.
    #[arg(value_name = "GOLD.jsonl", required = true)]
    pub gold: Vec<PathBuf>,
    /// Print up to N misses and N wrong attributions, with their context.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub errors: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = EvalFormatArg::Human)]
    pub format: EvalFormatArg,
    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum EvalFormatArg {
    Human,
    Json,
}

impl EvalArgs {
    pub fn options(&self) -> EvalOptions {
        EvalOptions {
            gold: self.gold.clone(),
            errors: self.errors,
            json: matches!(self.format, EvalFormatArg::Json),
        }
    }
}

/// Options shared by every command that reads articles.
#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A rules file or directory of YAML rules, merged on top of the built-in
    /// rules (repeatable).
    #[arg(long = "rules", value_name = "PATH")]
    pub rules: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Files, directories (walked for .txt and .md) or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,
    /// How inputs are read: whole articles, or JSON Lines of {"id", "text"}.
    #[arg(long, value_enum, default_value_t = InputArg::Text)]
    pub input: InputArg,
    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum FormatArg {
    Human,
    Json,
    Jsonl,
    Yaml,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum InputArg {
    Text,
    Jsonl,
}

impl ExtractArgs {
    pub fn options(&self) -> ExtractOptions {
        ExtractOptions {
            paths: self.paths.clone(),
            format: match self.format {
                FormatArg::Human => Format::Human,
                FormatArg::Json => Format::Json,
                FormatArg::Jsonl => Format::Jsonl,
                FormatArg::Yaml => Format::Yaml,
            },
            input: match self.input {
                InputArg::Text => InputMode::Text,
                InputArg::Jsonl => InputMode::Jsonl,
            },
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Articles, directories (walked for .txt and .md) or `-` for standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The expectations file of a single article, instead of NAME.quotes.yaml.
    #[arg(long, value_name = "FILE")]
    pub expect: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormatArg::Human)]
    pub format: CheckFormatArg,
    /// How inputs are read: whole articles, or JSON Lines of {"id", "text", "expect"}.
    #[arg(long, value_enum, default_value_t = InputArg::Text)]
    pub input: InputArg,
    /// Similarity (0 to 1) below which an expected quote is missing rather than misquoted.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_parser = parse_threshold)]
    pub threshold: f32,
    /// Write expectations for articles without them, and append unlisted quotes to existing ones.
    #[arg(long)]
    pub bless: bool,
    /// Print only the summary line (human format).
    #[arg(long, short)]
    pub quiet: bool,
    /// When to colour the output.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    /// Worker threads for a corpus run (default: all cores).
    #[arg(long, short)]
    pub jobs: Option<usize>,
    #[command(flatten)]
    pub rules: RulesArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CheckFormatArg {
    Human,
    Json,
    Junit,
    Github,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

fn parse_threshold(s: &str) -> Result<f32, String> {
    let t: f32 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&t) {
        Ok(t)
    } else {
        Err("the threshold is between 0 and 1".into())
    }
}

impl CheckArgs {
    /// The options. `terminals` says whether stdout and stderr are terminals:
    /// with `no_color` (NO_COLOR is set) they decide `--color auto` and the
    /// progress bar; `step_summary` is $GITHUB_STEP_SUMMARY.
    pub fn options(
        &self,
        terminals: (bool, bool),
        no_color: bool,
        step_summary: Option<PathBuf>,
    ) -> CheckOptions {
        let (stdout_is_terminal, stderr_is_terminal) = terminals;
        let format = match self.format {
            CheckFormatArg::Human => CheckFormat::Human,
            CheckFormatArg::Json => CheckFormat::Json,
            CheckFormatArg::Junit => CheckFormat::Junit,
            CheckFormatArg::Github => CheckFormat::Github,
        };
        CheckOptions {
            paths: self.paths.clone(),
            expect: self.expect.clone(),
            format,
            input: match self.input {
                InputArg::Text => InputMode::Text,
                InputArg::Jsonl => InputMode::Jsonl,
            },
            threshold: self.threshold,
            bless: self.bless,
            quiet: self.quiet,
            color: match self.color {
                ColorArg::Always => true,
                ColorArg::Never => false,
                ColorArg::Auto => stdout_is_terminal && !no_color,
            },
            jobs: self
                .jobs
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
            step_summary: step_summary.filter(|_| format == CheckFormat::Github),
            progress: stderr_is_terminal && !self.quiet,
        }
    }
}
