//! XML read defensively, for Moodle XML and QTI: no document type declaration (so no entity
//! declarations and no expansion attack: roxmltree refuses them by default), a bounded number of
//! nodes and nesting depth, only UTF-8 or UTF-16 declared. Everything after works on the tree
//! roxmltree builds, without recursion.

use super::{ImportError, MAX_XML_DEPTH, MAX_XML_NODES};
use roxmltree::{Document, Node, ParsingOptions};

pub(super) fn parse(text: &str) -> Result<Document<'_>, ImportError> {
    check_encoding(text)?;
    let options = ParsingOptions {
        allow_dtd: false,
        nodes_limit: MAX_XML_NODES,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options).map_err(|error| match error {
        roxmltree::Error::DtdDetected => ImportError::Dtd,
        roxmltree::Error::NodesLimitReached => ImportError::TooManyNodes { max: MAX_XML_NODES },
        error => {
            let position = error.pos();
            ImportError::MalformedXml {
                line: position.row,
                column: position.col,
                detail: error.to_string(),
            }
        }
    })?;
    check_depth(&document)?;
    Ok(document)
}

/// Refuses an XML declaration naming an encoding other than UTF-8 or UTF-16: the text was
/// decoded as one of those, so another declared encoding means it was misread.
fn check_encoding(text: &str) -> Result<(), ImportError> {
    let Some(declaration) = text
        .trim_start()
        .strip_prefix("<?xml")
        .and_then(|rest| rest.split_once("?>"))
        .map(|(declaration, _)| declaration)
    else {
        return Ok(());
    };
    let Some(at) = declaration.find("encoding") else {
        return Ok(());
    };
    let value = declaration[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')
        .map(str::trim_start)
        .and_then(|rest| {
            let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
            rest[1..].split(quote).next()
        });
    match value {
        Some(name)
            if matches!(
                name.to_ascii_lowercase().as_str(),
                "utf-8" | "utf8" | "utf-16"
            ) =>
        {
            Ok(())
        }
        Some(name) => Err(ImportError::UnsupportedEncoding {
            declared: name.to_owned(),
        }),
        None => Ok(()),
    }
}

fn check_depth(document: &Document) -> Result<(), ImportError> {
    // Nodes come in document order, a parent before its children: one pass, no recursion.
    let mut depths = vec![0usize; document.descendants().count() + 1];
    for node in document.descendants() {
        let depth = node
            .parent()
            .and_then(|parent| depths.get(parent.id().get_usize()).copied())
            .unwrap_or(0)
            + usize::from(node.is_element());
        if depth > MAX_XML_DEPTH {
            return Err(ImportError::TooDeep { max: MAX_XML_DEPTH });
        }
        if let Some(slot) = depths.get_mut(node.id().get_usize()) {
            *slot = depth;
        }
    }
    Ok(())
}

/// The element children of `node` named `name` (whatever their namespace).
pub(super) fn children<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> impl Iterator<Item = Node<'a, 'input>> {
    node.children()
        .filter(move |child| child.is_element() && child.tag_name().name() == name)
}

pub(super) fn child<'a, 'input>(
    node: Node<'a, 'input>,
    name: &'static str,
) -> Option<Node<'a, 'input>> {
    children(node, name).next()
}

/// All the text inside `node`, in order.
pub(super) fn text(node: Node) -> String {
    node.descendants()
        .filter(|n| n.is_text())
        .filter_map(|n| n.text())
        .collect()
}

/// The text of `node`'s child `name`, trimmed (empty when there is none).
pub(super) fn child_text(node: Node, name: &'static str) -> String {
    child(node, name)
        .map(|c| text(c).trim().to_owned())
        .unwrap_or_default()
}

/// The line `node` starts on, from 1.
pub(super) fn line(document: &Document, node: Node) -> u32 {
    document.text_pos_at(node.range().start).row
}
