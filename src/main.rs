//! The `quotecheck` binary: command-line parsing and exit codes, nothing else.

mod cli;

use std::io::{IsTerminal, Write};

use clap::Parser;
use quotecheck::run::{self, Status};
use quotecheck::Pipeline;

#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let cli = cli::Cli::parse();
    let status = dispatch(cli);
    std::process::exit(status.code());
}

fn dispatch(cli: cli::Cli) -> Status {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let status = match cli.command {
        cli::Command::Extract(args) => match run::load_rules(&args.rules.rules) {
            Ok(rules) => run::extract(&Pipeline::new(&rules), &args.options(), &mut out, &mut err),
            Err(e) => run::report_error(&mut err, &e),
        },
        cli::Command::Check(args) => match run::load_rules(&args.rules.rules) {
            Ok(rules) => {
                let terminal = (
                    std::io::stdout().is_terminal(),
                    std::io::stderr().is_terminal(),
                );
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let summary = std::env::var_os("GITHUB_STEP_SUMMARY").map(std::path::PathBuf::from);
                let opts = args.options(terminal, no_color, summary);
                run::check::run(&Pipeline::new(&rules), &opts, &mut out, &mut err)
            }
            Err(e) => run::report_error(&mut err, &e),
        },
        cli::Command::Eval(args) => match run::load_rules(&args.rules.rules) {
            Ok(rules) => {
                run::eval::run(&Pipeline::new(&rules), &args.options(), &mut out, &mut err)
            }
            Err(e) => run::report_error(&mut err, &e),
        },
    };
    if out.flush().is_err() {
        return Status::Trouble;
    }
    status
}
