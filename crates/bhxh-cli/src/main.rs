//! `bhxh`: the command-line face of the engine (see the library for the commands).

fn main() -> std::process::ExitCode {
    bhxh_cli::main()
}
