//! Parsing with Ruff's parser. (A stand-in until the full front end with CPython's messages
//! lands: errors here carry Ruff's wording.)

use ruff_python_ast::ModModule;

pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl SyntaxError {
    pub fn render(&self, source: &str, filename: &str) -> String {
        let src = source.lines().nth(self.line.saturating_sub(1) as usize).unwrap_or("");
        let trimmed = src.trim_start();
        let indent = src.len() - trimmed.len();
        let caret = " ".repeat((self.column as usize).saturating_sub(1).saturating_sub(indent));
        format!(
            "  File \"{filename}\", line {}\n    {}\n    {caret}^\nSyntaxError: {}\n",
            self.line,
            trimmed.trim_end(),
            self.message
        )
    }
}

pub fn parse(source: &str) -> Result<ModModule, Vec<SyntaxError>> {
    match ruff_python_parser::parse_module(source) {
        Ok(parsed) => Ok(parsed.into_syntax()),
        Err(e) => {
            let offset = e.location.start().to_usize().min(source.len());
            let before = &source[..offset];
            let line = before.matches('\n').count() as u32 + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u32 + 1;
            Err(vec![SyntaxError { line, column, message: e.error.to_string() }])
        }
    }
}
