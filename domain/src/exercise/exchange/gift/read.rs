//! Reading GIFT questions into items (see the module `gift` for the rules).

use super::extras::{self, Extras, Header};
use super::lex::{self, Block, TextFormat};
use crate::exercise::exchange::build::{
    self, Collector, Draft, Notes, ONE_POINT, Origin, Weighted,
};
use crate::exercise::exchange::markup::{self, Source};
use crate::exercise::exchange::report::{FileNote, Note, Reason};
use crate::exercise::exchange::{Defaults, Format, ImportError, MAX_QUESTIONS, Report, number};
use crate::exercise::{
    Accepts, Cloze, ClozePart, Decimal, Feedback, FreeText, ItemKind, Numeric, NumericAnswer,
    ShortText, Tolerance, TrueFalse,
};
use std::str::FromStr;

/// What Moodle puts where a missing word's answer block was.
const BLANK: &str = "\\_\\_\\_\\_\\_";

pub(super) fn import(text: &str, defaults: &Defaults) -> Result<Report, ImportError> {
    let blocks = lex::blocks(text);
    let count = blocks
        .iter()
        .filter(|block| !block.text.is_empty() && !is_category(block))
        .count();
    if count > MAX_QUESTIONS {
        return Err(ImportError::TooManyQuestions {
            count,
            max: MAX_QUESTIONS,
        });
    }
    let mut collector = Collector::new(Format::Gift, defaults);
    let mut questions_seen = false;
    for block in &blocks {
        let mut item_extras = None;
        for comment in &block.comments {
            if let Some(json) = comment.strip_prefix(extras::EXERCISE) {
                // The header counts only before the first question.
                match serde_json::from_str::<Header>(json) {
                    Ok(header) if !questions_seen => {
                        collector.set_title(header.title);
                        collector.set_language(header.language);
                    }
                    _ => collector.file_note(FileNote::HeaderIgnored),
                }
            } else if let Some(json) = comment.strip_prefix(extras::ITEM) {
                // Unreadable extras are ignored like ill-fitting ones: noted on the item.
                item_extras = Some(serde_json::from_str::<Extras>(json).ok());
            }
        }
        if block.text.is_empty() {
            continue;
        }
        if is_category(block) {
            let name = lex::unescape(&block.text["$CATEGORY:".len()..])
                .trim()
                .to_owned();
            collector.file_note(FileNote::CategoryIgnored { name });
            continue;
        }
        questions_seen = true;
        question(block, item_extras, &mut collector);
    }
    collector.finish()
}

fn is_category(block: &Block) -> bool {
    block.text.starts_with("$CATEGORY:")
}

/// One question into the collector. `extras`: `Some(None)` when the comment was unreadable.
fn question(block: &Block, extras: Option<Option<Extras>>, collector: &mut Collector) {
    let (title, rest) = title(&block.text);
    let origin = Origin {
        line: Some(block.line),
        name: title.clone(),
        ids: title.into_iter().collect(),
    };
    match parse(rest.trim()) {
        Err(reason) => collector.refuse(origin, reason),
        Ok(Parsed::Description(text, notes)) => collector.description(origin, text, notes),
        Ok(Parsed::Item(draft)) => {
            let draft = match extras {
                None => draft,
                Some(extras) => match extras.map(|extras| extras.apply(&draft)) {
                    Some(Ok(applied)) => applied,
                    _ => {
                        let mut draft = draft;
                        draft.notes.add(Note::ExtrasIgnored);
                        draft
                    }
                },
            };
            collector.take(origin, draft);
        }
    }
}

/// `::title::` and what follows; a `::` never closed is dropped (as Moodle does).
fn title(text: &str) -> (Option<String>, &str) {
    let Some(rest) = text.strip_prefix("::") else {
        return (None, text);
    };
    // `:` is always escaped inside a title, so the first structural `::` closes it.
    let mut from = 0;
    while let Some(at) = lex::find(&rest[from..], ':').map(|at| at + from) {
        if rest[at + 1..].starts_with(':') {
            let title = lex::unescape(&rest[..at]).trim().to_owned();
            return ((!title.is_empty()).then_some(title), &rest[at + 2..]);
        }
        from = at + 1;
    }
    (None, rest)
}

enum Parsed {
    Description(String, Notes),
    Item(Draft),
}

/// A text of the question in Markdown, noting what the conversion removed.
struct Texts {
    format: TextFormat,
    notes: Notes,
}

impl Texts {
    fn source(format: TextFormat) -> Source {
        match format {
            TextFormat::Moodle => Source::HtmlWithBreaks,
            TextFormat::Html => Source::Html,
            TextFormat::Plain => Source::Plain,
            TextFormat::Markdown => Source::Markdown,
        }
    }

    /// A formatted text (its own `[format]` first, else the question's) as Markdown.
    fn markdown(&mut self, raw: &str) -> String {
        let (format, text) = lex::format_prefix(raw.trim());
        self.convert(text, format.unwrap_or(self.format))
    }

    /// The question's own text, whose format was read before its title.
    fn question(&mut self, raw: &str) -> String {
        self.convert(raw, self.format)
    }

    fn convert(&mut self, raw: &str, format: TextFormat) -> String {
        let converted = markup::markdown(&lex::unescape(raw), Self::source(format));
        self.notes.converted(&converted);
        converted.text
    }

    fn feedback(&mut self, raw: Option<&str>) -> Option<String> {
        raw.map(|raw| self.markdown(raw))
            .filter(|text| !text.is_empty())
    }

    /// A typed answer or number: its text as written (a `[format]` prefix dropped).
    fn typed(raw: &str) -> String {
        let (_, text) = lex::format_prefix(raw.trim());
        lex::unescape(text).trim().to_owned()
    }

    /// A matching's right-hand side: plain text in Moodle, read as it was written when the
    /// question is Markdown (as Scola writes it).
    fn right(&self, raw: &str) -> String {
        let text = lex::unescape(raw.trim());
        match self.format {
            TextFormat::Markdown => text.trim().to_owned(),
            _ => markup::escape(&text),
        }
    }

    /// Question text around a gap: `before` keeps its trailing white space, `after` its
    /// leading one (one space for converted formats).
    fn around(&mut self, raw: &str, keep_end: bool) -> String {
        let text = self.question(raw);
        if text.is_empty() {
            return text;
        }
        let unescaped = lex::unescape(raw);
        if self.format == TextFormat::Markdown {
            return if keep_end {
                let end = unescaped.trim_end();
                format!("{text}{}", &unescaped[end.len()..])
            } else {
                let start = unescaped.trim_start();
                format!("{}{text}", &unescaped[..unescaped.len() - start.len()])
            };
        }
        match keep_end {
            true if unescaped.ends_with(char::is_whitespace) => format!("{text} "),
            false if unescaped.starts_with(char::is_whitespace) => format!(" {text}"),
            _ => text,
        }
    }
}

/// The question after its title.
fn parse(text: &str) -> Result<Parsed, Reason> {
    let (format, body) = lex::format_prefix(text);
    let mut texts = Texts {
        format: format.unwrap_or(TextFormat::Moodle),
        notes: Notes::default(),
    };
    let (open, close) = (lex::find(body, '{'), lex::find(body, '}'));
    let (open, close) = match (open, close) {
        (None, None) => {
            let text = texts.question(body);
            return Ok(Parsed::Description(text, texts.notes));
        }
        (Some(_), None) => return Err(Reason::BraceNotClosed),
        (None, Some(_)) => return Err(Reason::BraceNotOpened),
        (Some(open), Some(close)) if close < open => return Err(Reason::BraceNotOpened),
        (Some(open), Some(close)) => (open, close),
    };
    let (before, inside, after) = (&body[..open], &body[open + 1..close], &body[close + 1..]);
    if lex::find(inside, '{').is_some()
        || lex::find(after, '{').is_some()
        || lex::find(after, '}').is_some()
    {
        return Err(Reason::SeveralAnswerBlocks);
    }
    let (inside, general) = match lex::rfind_general_feedback(inside) {
        Some(at) => (inside[..at].trim(), Some(&inside[at + 4..])),
        None => (inside.trim(), None),
    };
    let general = texts.feedback(general);
    let missing_word = !after.trim().is_empty();
    let answers = Answers::of(inside)?;
    let mut feedback = Feedback {
        general,
        ..Feedback::default()
    };
    let kind = match (answers, missing_word) {
        (Answers::ShortText(raw), true) => {
            let typed = typed_answers(raw, &mut texts)?;
            feedback.wrong = typed.otherwise;
            return Ok(cloze(
                &mut texts,
                before,
                ClozePart::TypedGap {
                    answers: typed.answers,
                },
                after,
                feedback,
            ));
        }
        (Answers::Choices { raw, single: true }, true) => {
            let options = build::choices(weighted(raw, &mut texts)?, &mut texts.notes);
            return Ok(cloze(
                &mut texts,
                before,
                ClozePart::ChoiceGap { options },
                after,
                feedback,
            ));
        }
        (answers, _) => kind(answers, &mut texts, &mut feedback)?,
    };
    let prompt = if missing_word {
        format!(
            "{}{BLANK}{}",
            texts.around(before, true),
            texts.around(after, false)
        )
    } else {
        texts.question(before)
    };
    Ok(Parsed::Item(Draft {
        prompt,
        points: ONE_POINT,
        feedback,
        kind,
        notes: texts.notes,
    }))
}

fn cloze(
    texts: &mut Texts,
    before: &str,
    gap: ClozePart,
    after: &str,
    feedback: Feedback,
) -> Parsed {
    let mut parts = Vec::with_capacity(3);
    let before = texts.around(before, true);
    if !before.is_empty() {
        parts.push(ClozePart::Text { text: before });
    }
    parts.push(gap);
    let after = texts.around(after, false);
    if !after.is_empty() {
        parts.push(ClozePart::Text { text: after });
    }
    Parsed::Item(Draft {
        prompt: String::new(),
        points: ONE_POINT,
        feedback,
        kind: ItemKind::Cloze(Cloze { parts }),
        notes: std::mem::take(&mut texts.notes),
    })
}

/// The answer block, sorted by type as Moodle sorts it; texts still raw.
enum Answers<'a> {
    Essay,
    Numeric(&'a str),
    Choices { raw: Vec<Raw<'a>>, single: bool },
    Matching(Vec<&'a str>),
    TrueFalse(&'a str),
    ShortText(Vec<Raw<'a>>),
}

/// One answer: its weight and its text with feedback still attached.
struct Raw<'a> {
    weight: Decimal,
    text: &'a str,
}

impl<'a> Answers<'a> {
    fn of(inside: &'a str) -> Result<Answers<'a>, Reason> {
        if inside.is_empty() {
            return Ok(Answers::Essay);
        }
        if let Some(rest) = inside.strip_prefix('#') {
            return Ok(Answers::Numeric(rest));
        }
        if lex::find(inside, '~').is_some() {
            let single = lex::find(inside, '=').is_some();
            let mut raw = Vec::new();
            for (mark, part) in lex::split_marked(inside) {
                let part = part.trim();
                match mark {
                    None if part.is_empty() => {}
                    Some('=') => raw.push(Raw {
                        weight: Decimal::from_int(100),
                        text: part,
                    }),
                    _ => raw.push(Raw::weighted(part, Decimal::ZERO)),
                }
            }
            build::check_parts(raw.len())?;
            return Ok(Answers::Choices { raw, single });
        }
        if lex::find(inside, '=').is_some() && lex::find_arrow(inside).is_some() {
            let pairs: Vec<&str> = without_empty_first(lex::split(inside, '='));
            build::check_parts(pairs.len())?;
            return Ok(Answers::Matching(pairs));
        }
        let head = match lex::find(inside, '#') {
            Some(at) if at > 0 => inside[..at].trim(),
            _ => inside,
        };
        if matches!(head, "T" | "TRUE" | "F" | "FALSE") {
            return Ok(Answers::TrueFalse(inside));
        }
        let raw: Vec<Raw> = without_empty_first(lex::split(inside, '='))
            .into_iter()
            .map(|part| Raw::weighted(part.trim(), Decimal::from_int(100)))
            .collect();
        build::check_parts(raw.len())?;
        Ok(Answers::ShortText(raw))
    }
}

impl<'a> Raw<'a> {
    /// `%w%text` or `text` (of `default` weight).
    fn weighted(part: &'a str, default: Decimal) -> Raw<'a> {
        match weight(part) {
            Some((weight, text)) => Raw { weight, text },
            None => Raw {
                weight: default,
                text: part,
            },
        }
    }
}

/// A leading `%w%` (w a number, possibly negative or with decimals) and the rest.
fn weight(part: &str) -> Option<(Decimal, &str)> {
    let rest = part.strip_prefix('%')?;
    let end = rest.find('%')?;
    let number = &rest[..end];
    let digits = number.strip_prefix('-').unwrap_or(number);
    let well_formed = digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && digits.matches('.').count() <= 1;
    if !well_formed {
        return None;
    }
    let value = Decimal::from_str(number).ok()?;
    Some((value, &rest[end + 1..]))
}

fn without_empty_first(mut parts: Vec<&str>) -> Vec<&str> {
    if parts.first().is_some_and(|first| first.trim().is_empty()) {
        parts.remove(0);
    }
    parts
}

/// Answers with their texts and feedback as Markdown, weights checked against Moodle's grades.
fn weighted(raw: Vec<Raw>, texts: &mut Texts) -> Result<Vec<Weighted>, Reason> {
    raw.into_iter()
        .map(|answer| {
            let weight = answer.weight;
            build::check_weight(weight)?;
            let (text, feedback) = match lex::split_once(answer.text, '#') {
                Some((text, feedback)) => (text, Some(feedback)),
                None => (answer.text, None),
            };
            Ok(Weighted {
                text: texts.markdown(text),
                weight,
                feedback: texts.feedback(feedback),
            })
        })
        .collect()
}

fn typed_answers(raw: Vec<Raw>, texts: &mut Texts) -> Result<build::Typed, Reason> {
    let answers = raw
        .into_iter()
        .map(|answer| {
            let weight = answer.weight;
            build::check_weight(weight)?;
            let (text, feedback) = match lex::split_once(answer.text, '#') {
                Some((text, feedback)) => (text, Some(feedback)),
                None => (answer.text, None),
            };
            Ok(Weighted {
                text: Texts::typed(text),
                weight,
                feedback: texts.feedback(feedback),
            })
        })
        .collect::<Result<Vec<_>, Reason>>()?;
    // Moodle's short answers ignore case unless told otherwise, which GIFT cannot.
    build::typed(answers, false, &mut texts.notes)
}

fn kind(answers: Answers, texts: &mut Texts, feedback: &mut Feedback) -> Result<ItemKind, Reason> {
    Ok(match answers {
        Answers::Essay => ItemKind::FreeText(FreeText {
            accepts: Accepts::Text,
            guidance: None,
        }),
        Answers::Numeric(raw) => numeric(raw, texts, feedback)?,
        Answers::Choices { raw, single } => {
            let answers = weighted(raw, texts)?;
            // Moodle shuffles choices unless told otherwise, which GIFT cannot.
            if single {
                build::single_choice(answers, true, &mut texts.notes)
            } else {
                build::multiple_choice(answers, true, &mut texts.notes)
            }
        }
        Answers::Matching(raw) => matching(raw, texts)?,
        Answers::TrueFalse(raw) => {
            // `T#wrong#right`: Moodle cuts in three at most.
            let (answer, rest) = match lex::split_once(raw, '#') {
                Some((answer, rest)) => (answer, Some(rest)),
                None => (raw, None),
            };
            let (wrong, right) = match rest.map(|rest| (rest, lex::split_once(rest, '#'))) {
                Some((_, Some((wrong, right)))) => (Some(wrong), Some(right)),
                Some((rest, None)) => (Some(rest), None),
                None => (None, None),
            };
            feedback.wrong = texts.feedback(wrong);
            feedback.correct = texts.feedback(right);
            ItemKind::TrueFalse(TrueFalse {
                answer: matches!(answer.trim(), "T" | "TRUE"),
            })
        }
        Answers::ShortText(raw) => {
            let typed = typed_answers(raw, texts)?;
            feedback.wrong = typed.otherwise;
            ItemKind::ShortText(ShortText {
                answers: typed.answers,
            })
        }
    })
}

fn numeric(raw: &str, texts: &mut Texts, feedback: &mut Feedback) -> Result<ItemKind, Reason> {
    let (answers_part, wrong) = match lex::split_once(raw, '~') {
        Some((answers, wrong)) => (answers, Some(wrong)),
        None => (raw, None),
    };
    // After `~`, the text before `#` is ignored, as Moodle does.
    feedback.wrong = texts.feedback(wrong.map(|w| lex::split_once(w, '#').map_or("", |(_, f)| f)));
    let parts = without_empty_first(lex::split(answers_part, '='));
    build::check_parts(parts.len())?;
    let mut answers = Vec::with_capacity(parts.len());
    for part in parts {
        let Raw { weight, text } = Raw::weighted(part.trim(), Decimal::from_int(100));
        build::check_weight(weight)?;
        let (value, answer_feedback) = match lex::split_once(text, '#') {
            Some((value, feedback)) => (value, Some(feedback)),
            None => (text, None),
        };
        let answer_feedback = texts.feedback(answer_feedback);
        let value = Texts::typed(value);
        if value == "*" {
            if weight > Decimal::ZERO {
                return Err(Reason::CatchAllWithCredit);
            }
            if feedback.wrong.is_none() {
                feedback.wrong = answer_feedback;
            }
            continue;
        }
        let (value, margin) = value_and_margin(&value)?;
        let credit = number::credit(weight);
        if credit.rounded {
            texts.notes.add(Note::CreditRounded);
        }
        if credit.was_negative {
            texts.notes.add(Note::NegativeCreditAsZero);
        }
        answers.push(NumericAnswer {
            value,
            tolerance: Tolerance::Absolute { margin },
            credit: credit.percent,
            feedback: answer_feedback,
        });
    }
    Ok(ItemKind::Numeric(Numeric {
        answers,
        unit: None,
    }))
}

/// `a..b` (the middle, half the width), `value:margin` or `value`.
fn value_and_margin(text: &str) -> Result<(Decimal, Decimal), Reason> {
    let number = |raw: &str| {
        Decimal::from_str(raw.trim()).map_err(|_| Reason::NotANumber {
            text: raw.trim().to_owned(),
        })
    };
    let out_of_range = || Reason::NotANumber {
        text: text.to_owned(),
    };
    if let Some(at) = text.find("..").filter(|&at| at > 0) {
        let (min, max) = (number(&text[..at])?, number(&text[at + 2..])?);
        let value = number::add(min, max)
            .and_then(number::half)
            .ok_or_else(out_of_range)?;
        let margin = number::sub(max, min)
            .and_then(number::half)
            .ok_or_else(out_of_range)?;
        return Ok((value, margin));
    }
    if let Some(at) = text.find(':').filter(|&at| at > 0) {
        return Ok((number(&text[..at])?, number(&text[at + 1..])?));
    }
    Ok((number(text)?, Decimal::ZERO))
}

fn matching(raw: Vec<&str>, texts: &mut Texts) -> Result<ItemKind, Reason> {
    let mut pairs = Vec::new();
    let mut loose = Vec::new();
    for part in raw {
        let part = part.trim();
        let arrow = lex::find_arrow(part).ok_or_else(|| Reason::MatchingWithoutArrow {
            answer: lex::unescape(part),
        })?;
        let left = texts.markdown(&part[..arrow]);
        let right = texts.right(&part[arrow + 2..]);
        if left.is_empty() {
            loose.push(right);
        } else {
            pairs.push((left, right));
        }
    }
    Ok(build::matching(pairs, loose))
}
