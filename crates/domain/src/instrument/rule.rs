//! The rule language of the catalogue: a small boolean language over counts
//! of answers, dimensions and indicators, evaluated in three values.
//!
//! Rules are data so that a catalogue author can correct them without a
//! release: `s >= 2 || (s >= 1 && m + w >= 1)` for a dimension,
//! `(DR || CR || RV) && EX && (CD || VD)` for an outcome.
//!
//! An answer may be unknown. A count is then an interval (answered yes at
//! least, yes or unknown at most) and a truth is yes, no or undecided
//! ([`Truth`] = `Option<bool>`), with Kleene's connectives. A rule that comes
//! out decided holds whatever the unknown answers turn out to be.

use std::fmt;

/// True, false, or not decidable from what is known (`None`).
pub type Truth = Option<bool>;

/// What a rule's names stand for, resolved when the rule is compiled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atom {
    /// Whether the dimension with this index is met.
    Dimension(usize),
    /// Whether the indicator with this index was answered yes.
    Indicator(usize),
}

/// The counts a dimension rule may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count {
    Strong,
    Medium,
    Weak,
    All,
}

/// The names a rule may use where it is written.
pub trait Names {
    fn atom(&self, name: &str) -> Option<Atom>;
    fn count(&self, name: &str) -> Option<Count>;
}

/// What a compiled rule reads its values from.
pub trait Values {
    fn atom(&self, atom: Atom) -> Truth;
    /// At least, at most.
    fn count(&self, count: Count) -> (i64, i64);
}

/// Why a rule does not compile; `at` is the character position (from 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub at: usize,
    pub problem: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.problem, self.at)
    }
}

impl std::error::Error for RuleError {}

/// A compiled rule, ready to evaluate.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    Constant(bool),
    Atom(Atom),
    Not(Box<Rule>),
    And(Vec<Rule>),
    Or(Vec<Rule>),
    Compare(Comparison, Sum, Sum),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparison {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    Equal,
}

/// A sum of counts and constants.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sum {
    pub constant: i64,
    pub counts: Vec<Count>,
}

impl Rule {
    pub fn compile(text: &str, names: &dyn Names) -> Result<Rule, RuleError> {
        let tokens = tokenize(text)?;
        let mut parser = Parser {
            tokens,
            next: 0,
            end: text.chars().count() + 1,
        };
        let node = parser.or()?;
        if let Some((at, token)) = parser.tokens.get(parser.next) {
            return Err(error(*at, format!("unexpected `{token}`")));
        }
        typed_rule(node, names)
    }

    pub fn evaluate(&self, values: &dyn Values) -> Truth {
        match self {
            Rule::Constant(value) => Some(*value),
            Rule::Atom(atom) => values.atom(*atom),
            Rule::Not(rule) => rule.evaluate(values).map(|value| !value),
            Rule::And(rules) => kleene(rules, values, false),
            Rule::Or(rules) => kleene(rules, values, true),
            Rule::Compare(comparison, left, right) => {
                compare(*comparison, left.evaluate(values), right.evaluate(values))
            }
        }
    }

    /// Every name the rule reads, for explanations.
    pub fn atoms(&self) -> Vec<Atom> {
        let mut atoms = Vec::new();
        self.collect_atoms(&mut atoms);
        atoms
    }

    fn collect_atoms(&self, atoms: &mut Vec<Atom>) {
        match self {
            Rule::Atom(atom) if !atoms.contains(atom) => atoms.push(*atom),
            Rule::Not(rule) => rule.collect_atoms(atoms),
            Rule::And(rules) | Rule::Or(rules) => rules.iter().for_each(|rule| rule.collect_atoms(atoms)),
            _ => {}
        }
    }

    /// Whether answering yes can only make the rule more true: no negation,
    /// and counts only ever on the growing side of a comparison. Outcome
    /// ladders rely on it: a yes never lowers a result.
    pub fn is_monotone(&self) -> bool {
        match self {
            Rule::Constant(_) | Rule::Atom(_) => true,
            Rule::Not(_) => false,
            Rule::And(rules) | Rule::Or(rules) => rules.iter().all(Rule::is_monotone),
            Rule::Compare(comparison, left, right) => match comparison {
                Comparison::AtLeast | Comparison::MoreThan => right.counts.is_empty(),
                Comparison::AtMost | Comparison::LessThan => left.counts.is_empty(),
                Comparison::Equal => left.counts.is_empty() && right.counts.is_empty(),
            },
        }
    }
}

impl Sum {
    fn evaluate(&self, values: &dyn Values) -> (i64, i64) {
        self.counts.iter().map(|count| values.count(*count)).fold(
            (self.constant, self.constant),
            |(low, high), (at_least, at_most)| (low.saturating_add(at_least), high.saturating_add(at_most)),
        )
    }
}

/// `and` is decided false by any false operand, `or` by any true one;
/// otherwise an undecided operand leaves the whole undecided.
fn kleene(rules: &[Rule], values: &dyn Values, deciding: bool) -> Truth {
    let mut undecided = false;
    for rule in rules {
        match rule.evaluate(values) {
            Some(value) if value == deciding => return Some(deciding),
            Some(_) => {}
            None => undecided = true,
        }
    }
    if undecided { None } else { Some(!deciding) }
}

/// Compares two intervals: decided only when every pair of values agrees.
fn compare(comparison: Comparison, (a_low, a_high): (i64, i64), (b_low, b_high): (i64, i64)) -> Truth {
    let decided = |always: bool, never: bool| {
        if always {
            Some(true)
        } else if never {
            Some(false)
        } else {
            None
        }
    };
    match comparison {
        Comparison::AtLeast => decided(a_low >= b_high, a_high < b_low),
        Comparison::MoreThan => decided(a_low > b_high, a_high <= b_low),
        Comparison::AtMost => decided(a_high <= b_low, a_low > b_high),
        Comparison::LessThan => decided(a_high < b_low, a_low >= b_high),
        Comparison::Equal => decided(
            a_low == a_high && b_low == b_high && a_low == b_low,
            a_high < b_low || b_high < a_low,
        ),
    }
}

// ---------------------------------------------------------------------------
// Reading the text.

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Name(String),
    Number(i64),
    And,
    Or,
    Not,
    Plus,
    Open,
    Close,
    Compare(Comparison),
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Token::Name(name) => f.write_str(name),
            Token::Number(number) => write!(f, "{number}"),
            Token::And => f.write_str("&&"),
            Token::Or => f.write_str("||"),
            Token::Not => f.write_str("!"),
            Token::Plus => f.write_str("+"),
            Token::Open => f.write_str("("),
            Token::Close => f.write_str(")"),
            Token::Compare(comparison) => f.write_str(match comparison {
                Comparison::AtLeast => ">=",
                Comparison::MoreThan => ">",
                Comparison::AtMost => "<=",
                Comparison::LessThan => "<",
                Comparison::Equal => "==",
            }),
        }
    }
}

fn error(at: usize, problem: impl Into<String>) -> RuleError {
    RuleError {
        at,
        problem: problem.into(),
    }
}

fn tokenize(text: &str) -> Result<Vec<(usize, Token)>, RuleError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at = i + 1;
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let (token, width) = match (c, next) {
            (c, _) if c.is_whitespace() => {
                i += 1;
                continue;
            }
            ('&', Some('&')) => (Token::And, 2),
            ('|', Some('|')) => (Token::Or, 2),
            ('>', Some('=')) => (Token::Compare(Comparison::AtLeast), 2),
            ('<', Some('=')) => (Token::Compare(Comparison::AtMost), 2),
            ('=', Some('=')) => (Token::Compare(Comparison::Equal), 2),
            ('>', _) => (Token::Compare(Comparison::MoreThan), 1),
            ('<', _) => (Token::Compare(Comparison::LessThan), 1),
            ('!', _) => (Token::Not, 1),
            ('+', _) => (Token::Plus, 1),
            ('(', _) => (Token::Open, 1),
            (')', _) => (Token::Close, 1),
            (c, _) if c.is_ascii_digit() => {
                let digits: String = chars[i..].iter().take_while(|c| c.is_ascii_digit()).collect();
                let number = digits
                    .parse()
                    .map_err(|_| error(at, format!("number `{digits}` is too large")))?;
                (Token::Number(number), digits.len())
            }
            (c, _) if c.is_ascii_alphabetic() || c == '_' => {
                let name: String = chars[i..]
                    .iter()
                    .take_while(|c| c.is_ascii_alphanumeric() || **c == '_')
                    .collect();
                let width = name.len();
                (Token::Name(name), width)
            }
            (c, _) => return Err(error(at, format!("unexpected character `{c}`"))),
        };
        tokens.push((at, token));
        i += width;
    }
    Ok(tokens)
}

/// The rule as written, before its names are checked.
#[derive(Debug)]
enum Node {
    Name(usize, String),
    Number(usize, i64),
    Not(Box<Node>),
    And(Vec<Node>),
    Or(Vec<Node>),
    Plus(usize, Vec<Node>),
    Compare(usize, Comparison, Box<Node>, Box<Node>),
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    next: usize,
    /// The position reported when the text ends too early.
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.next).map(|(_, token)| token)
    }

    fn at(&self) -> usize {
        self.tokens.get(self.next).map_or(self.end, |(at, _)| *at)
    }

    fn take(&mut self, token: &Token) -> bool {
        let found = self.peek() == Some(token);
        if found {
            self.next += 1;
        }
        found
    }

    fn or(&mut self) -> Result<Node, RuleError> {
        let mut nodes = vec![self.and()?];
        while self.take(&Token::Or) {
            nodes.push(self.and()?);
        }
        Ok(one_or(nodes, Node::Or))
    }

    fn and(&mut self) -> Result<Node, RuleError> {
        let mut nodes = vec![self.unary()?];
        while self.take(&Token::And) {
            nodes.push(self.unary()?);
        }
        Ok(one_or(nodes, Node::And))
    }

    fn unary(&mut self) -> Result<Node, RuleError> {
        if self.take(&Token::Not) {
            return Ok(Node::Not(Box::new(self.unary()?)));
        }
        let at = self.at();
        let left = self.sum()?;
        if let Some(Token::Compare(comparison)) = self.peek().cloned() {
            self.next += 1;
            let right = self.sum()?;
            return Ok(Node::Compare(at, comparison, Box::new(left), Box::new(right)));
        }
        Ok(left)
    }

    fn sum(&mut self) -> Result<Node, RuleError> {
        let at = self.at();
        let mut nodes = vec![self.atom()?];
        while self.take(&Token::Plus) {
            nodes.push(self.atom()?);
        }
        Ok(one_or(nodes, |nodes| Node::Plus(at, nodes)))
    }

    fn atom(&mut self) -> Result<Node, RuleError> {
        let at = self.at();
        let Some((_, token)) = self.tokens.get(self.next).cloned() else {
            return Err(error(at, "the rule ends too early"));
        };
        self.next += 1;
        match token {
            Token::Name(name) => Ok(Node::Name(at, name)),
            Token::Number(number) => Ok(Node::Number(at, number)),
            Token::Open => {
                let node = self.or()?;
                if !self.take(&Token::Close) {
                    return Err(error(self.at(), "`)` expected"));
                }
                Ok(node)
            }
            token => Err(error(at, format!("unexpected `{token}`"))),
        }
    }
}

fn one_or(mut nodes: Vec<Node>, many: impl FnOnce(Vec<Node>) -> Node) -> Node {
    if nodes.len() == 1 {
        nodes.remove(0)
    } else {
        many(nodes)
    }
}

// ---------------------------------------------------------------------------
// Checking names and kinds: a truth where a truth is needed, a number where
// a number is.

fn typed_rule(node: Node, names: &dyn Names) -> Result<Rule, RuleError> {
    match node {
        Node::Name(_, name) if name == "true" => Ok(Rule::Constant(true)),
        Node::Name(_, name) if name == "false" => Ok(Rule::Constant(false)),
        Node::Name(at, name) => names.atom(&name).map(Rule::Atom).ok_or_else(|| {
            let problem = if names.count(&name).is_some() {
                format!("`{name}` is a number: compare it, as in `{name} >= 1`")
            } else {
                format!("unknown name `{name}`")
            };
            error(at, problem)
        }),
        Node::Number(at, number) => Err(error(at, format!("the number {number} is not a condition"))),
        Node::Plus(at, _) => Err(error(at, "a sum is not a condition: compare it")),
        Node::Not(node) => Ok(Rule::Not(Box::new(typed_rule(*node, names)?))),
        Node::And(nodes) => Ok(Rule::And(typed_rules(nodes, names)?)),
        Node::Or(nodes) => Ok(Rule::Or(typed_rules(nodes, names)?)),
        Node::Compare(at, comparison, left, right) => Ok(Rule::Compare(
            comparison,
            typed_sum(*left, names, at)?,
            typed_sum(*right, names, at)?,
        )),
    }
}

fn typed_rules(nodes: Vec<Node>, names: &dyn Names) -> Result<Vec<Rule>, RuleError> {
    nodes.into_iter().map(|node| typed_rule(node, names)).collect()
}

fn typed_sum(node: Node, names: &dyn Names, at: usize) -> Result<Sum, RuleError> {
    let mut sum = Sum::default();
    let terms = match node {
        Node::Plus(_, nodes) => nodes,
        node => vec![node],
    };
    for term in terms {
        match term {
            Node::Number(_, number) => sum.constant = sum.constant.saturating_add(number),
            Node::Name(at, name) => match names.count(&name) {
                Some(count) => sum.counts.push(count),
                None => {
                    return Err(error(
                        at,
                        format!("`{name}` is not a number that can be compared"),
                    ));
                }
            },
            _ => return Err(error(at, "only numbers and counts can be compared")),
        }
    }
    Ok(sum)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `a`, `b`, `c` are atoms; `s`, `m`, `w`, `n` counts.
    struct Test;

    impl Names for Test {
        fn atom(&self, name: &str) -> Option<Atom> {
            ["a", "b", "c"]
                .iter()
                .position(|n| *n == name)
                .map(Atom::Indicator)
        }
        fn count(&self, name: &str) -> Option<Count> {
            match name {
                "s" => Some(Count::Strong),
                "m" => Some(Count::Medium),
                "w" => Some(Count::Weak),
                "n" => Some(Count::All),
                _ => None,
            }
        }
    }

    struct Known {
        atoms: [Truth; 3],
        counts: [(i64, i64); 4],
    }

    impl Values for Known {
        fn atom(&self, atom: Atom) -> Truth {
            match atom {
                Atom::Indicator(i) | Atom::Dimension(i) => self.atoms[i],
            }
        }
        fn count(&self, count: Count) -> (i64, i64) {
            self.counts[count as usize]
        }
    }

    fn eval(text: &str, atoms: [Truth; 3], counts: [(i64, i64); 4]) -> Truth {
        Rule::compile(text, &Test)
            .unwrap()
            .evaluate(&Known { atoms, counts })
    }

    const T: Truth = Some(true);
    const F: Truth = Some(false);
    const U: Truth = None;
    const NO_COUNTS: [(i64, i64); 4] = [(0, 0); 4];

    #[test]
    fn connectives_follow_kleene() {
        assert_eq!(eval("a && b", [T, U, F], NO_COUNTS), U);
        assert_eq!(eval("a && c", [T, U, F], NO_COUNTS), F);
        assert_eq!(eval("c && b", [T, U, F], NO_COUNTS), F);
        assert_eq!(eval("a || b", [T, U, F], NO_COUNTS), T);
        assert_eq!(eval("c || b", [T, U, F], NO_COUNTS), U);
        assert_eq!(eval("!b", [T, U, F], NO_COUNTS), U);
        assert_eq!(eval("!(a && !c)", [T, U, F], NO_COUNTS), F);
        assert_eq!(eval("true && !false", [U, U, U], NO_COUNTS), T);
    }

    #[test]
    fn and_binds_tighter_than_or() {
        assert_eq!(eval("a || b && c", [T, F, F], NO_COUNTS), T);
        assert_eq!(eval("(a || b) && c", [T, F, F], NO_COUNTS), F);
    }

    #[test]
    fn counts_compare_as_intervals() {
        // Two strong known, one more unknown.
        let counts = [(2, 3), (0, 0), (0, 1), (2, 4)];
        assert_eq!(eval("s >= 2", [U; 3], counts), T);
        assert_eq!(eval("s >= 3", [U; 3], counts), U);
        assert_eq!(eval("s >= 4", [U; 3], counts), F);
        assert_eq!(eval("s > 1", [U; 3], counts), T);
        assert_eq!(eval("s > 3", [U; 3], counts), F);
        assert_eq!(eval("m + w >= 1", [U; 3], counts), U);
        assert_eq!(eval("s + m + 1 >= 3", [U; 3], counts), T);
        assert_eq!(eval("s <= 3", [U; 3], counts), T);
        assert_eq!(eval("s < 3", [U; 3], counts), U);
        assert_eq!(eval("m == 0", [U; 3], counts), T);
        assert_eq!(eval("s == 2", [U; 3], counts), U);
        assert_eq!(eval("s == 5", [U; 3], counts), F);
        assert_eq!(eval("1 <= n", [U; 3], counts), T);
    }

    #[test]
    fn mistakes_are_reported_where_they_are() {
        let problem = |text: &str| Rule::compile(text, &Test).unwrap_err();
        assert_eq!(problem("a && d").at, 6);
        assert!(problem("a && d").problem.contains("unknown name `d`"));
        assert!(problem("s").problem.contains("is a number"));
        assert!(problem("a >= 1").problem.contains("`a` is not a number"));
        assert!(problem("(a || b").problem.contains("`)` expected"));
        assert!(problem("a &&").problem.contains("ends too early"));
        assert!(problem("a b").problem.contains("unexpected `b`"));
        assert!(problem("a & b").problem.contains("unexpected character `&`"));
        assert!(problem("99999999999999999999 > s").problem.contains("too large"));
        assert!(problem("3").problem.contains("not a condition"));
        assert!(problem("").problem.contains("ends too early"));
    }

    #[test]
    fn atoms_are_found_and_monotony_is_checked() {
        let rule = Rule::compile("(a || b) && !a", &Test).unwrap();
        assert_eq!(rule.atoms(), [Atom::Indicator(0), Atom::Indicator(1)]);
        let monotone = |text: &str| Rule::compile(text, &Test).unwrap().is_monotone();
        assert!(!monotone("(a || b) && !a"));
        assert!(monotone("a && s >= 1 || m + w > 2 || 1 <= n || 3 < s"));
        assert!(!monotone("s <= 1"));
        assert!(!monotone("1 >= s"));
        assert!(!monotone("s == 2"));
        assert!(monotone("true || 1 == 1"));
    }
}
