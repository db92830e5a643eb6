//! The text of a QTI item body as Markdown: XHTML reduced to its text like HTML elsewhere,
//! interactions replaced by their prompt, and inline interactions or gaps by a mark where the
//! cloze's gaps go. The walk recurses, within the depth the XML was checked for.

use crate::exercise::exchange::markup::{self, Converted, Writer};
use roxmltree::Node;

/// Where a gap (an inline interaction, or a gap of a gap-match) was.
pub(super) const MARK: char = '\u{E000}';

pub(super) fn is_interaction(node: Node) -> bool {
    node.is_element() && node.tag_name().name().ends_with("Interaction")
}

pub(super) fn is_inline(node: Node) -> bool {
    matches!(
        node.tag_name().name(),
        "textEntryInteraction" | "inlineChoiceInteraction"
    )
}

/// Builds Markdown from parts of a body.
pub(super) struct Body<'a, 'input> {
    writer: Writer,
    /// The gaps met, in order.
    pub gaps: Vec<Node<'a, 'input>>,
    /// Whether `<gap>` elements are gaps (inside a gap-match interaction).
    gap_elements: bool,
}

impl<'a, 'input> Body<'a, 'input> {
    pub fn new() -> Self {
        Body {
            writer: Writer::for_markdown(),
            gaps: Vec::new(),
            gap_elements: false,
        }
    }

    pub fn with_gap_elements() -> Self {
        Body {
            gap_elements: true,
            ..Body::new()
        }
    }

    /// The content of `node` (not the element itself).
    pub fn content(&mut self, node: Node<'a, 'input>) {
        for child in node.children() {
            self.node(child);
        }
    }

    pub fn node(&mut self, node: Node<'a, 'input>) {
        if node.is_text() {
            self.writer.text(node.text().unwrap_or_default());
            return;
        }
        if !node.is_element() {
            return;
        }
        let name = node.tag_name().name();
        if is_inline(node) || (self.gap_elements && name == "gap") {
            self.writer.raw(&MARK.to_string());
            self.gaps.push(node);
            return;
        }
        if is_interaction(node) {
            // Block interactions show their prompt; their choices are the item's.
            self.writer.paragraph();
            for prompt in node
                .children()
                .filter(|c| c.is_element() && c.tag_name().name() == "prompt")
            {
                self.content(prompt);
            }
            self.writer.paragraph();
            return;
        }
        match name {
            "feedbackInline"
            | "feedbackBlock"
            | "modalFeedback"
            | "prompt"
            | "gapText"
            | "simpleChoice"
            | "simpleMatchSet"
            | "simpleAssociableChoice"
            | "inlineChoice"
            | "stylesheet" => {}
            "object" => {
                // An object's content is what shows when it cannot: its text stands for it.
                self.writer.media += 1;
                self.content(node);
            }
            name if markup::is_media(name) => self.writer.media += 1,
            name if markup::skips_content(name) => self.writer.markup_removed = true,
            name => {
                // Structure survives as paragraphs and breaks; formatting goes.
                if !matches!(
                    name,
                    "itemBody" | "p" | "div" | "br" | "span" | "blockquote" | "rubricBlock"
                ) {
                    self.writer.markup_removed = true;
                }
                self.writer.open(name);
                self.content(node);
                self.writer.close(name);
            }
        }
    }

    pub fn finish(self) -> (Converted, Vec<Node<'a, 'input>>) {
        (self.writer.finish(), self.gaps)
    }
}
