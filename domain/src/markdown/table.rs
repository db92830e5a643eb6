//! Table cells: pulldown-cmark's writer aligns them with `style`, which the sanitizer forbids,
//! so they are written here with `align`, as the GFM specification does.

use pulldown_cmark::Alignment;

/// Where the writer is in a table.
#[derive(Default)]
pub(super) struct TableCells {
    alignments: Vec<Alignment>,
    in_head: bool,
    column: usize,
}

impl TableCells {
    pub(super) fn start(&mut self, alignments: &[Alignment]) {
        self.alignments = alignments.to_vec();
    }

    pub(super) fn start_head(&mut self) {
        self.in_head = true;
        self.column = 0;
    }

    pub(super) fn end_head(&mut self) {
        self.in_head = false;
    }

    pub(super) fn start_row(&mut self) {
        self.column = 0;
    }

    fn element(&self) -> &'static str {
        if self.in_head { "th" } else { "td" }
    }

    pub(super) fn open_cell(&self) -> String {
        let align = match self.alignments.get(self.column) {
            Some(Alignment::Left) => " align=\"left\"",
            Some(Alignment::Center) => " align=\"center\"",
            Some(Alignment::Right) => " align=\"right\"",
            Some(Alignment::None) | None => "",
        };
        format!("<{}{align}>", self.element())
    }

    pub(super) fn close_cell(&mut self) -> String {
        self.column += 1;
        format!("</{}>", self.element())
    }
}
