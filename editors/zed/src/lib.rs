//! A Zed extension that runs `perfvet lsp` for Go files, beside gopls.
//! Install it with "zed: install dev extension" on this directory; perfvet
//! must be on PATH (go install github.com/perfvet/perfvet/cmd/perfvet@latest).

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

struct Perfvet;

impl zed::Extension for Perfvet {
    fn new() -> Self {
        Perfvet
    }

    fn language_server_command(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let path = worktree.which("perfvet").ok_or_else(|| {
            "perfvet is not on PATH: go install github.com/perfvet/perfvet/cmd/perfvet@latest".to_string()
        })?;
        Ok(zed::Command {
            command: path,
            args: vec!["lsp".to_string()],
            env: Default::default(),
        })
    }

    // "lsp": {"perfvet": {"initialization_options": {...}}} in settings.json.
    fn language_server_initialization_options(
        &mut self,
        _language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<zed::serde_json::Value>> {
        Ok(LspSettings::for_worktree("perfvet", worktree)
            .ok()
            .and_then(|settings| settings.initialization_options))
    }
}

zed::register_extension!(Perfvet);
