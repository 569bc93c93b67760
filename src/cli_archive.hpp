// The archive's commands on the command line: issue, verify, list, journal.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace prikaz {

// Adds the archive's subcommands to the app. Each runs from its CLI11 callback
// once the whole command line is parsed and ends the process with its exit code.
// `schemas` is the value of the global --schemas option.
void add_archive_commands(CLI::App& app, const std::string& schemas);

}  // namespace prikaz
