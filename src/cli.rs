//! Command-line types (clap derive). Each converts to the library's options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use quotecheck::report::Format;
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
