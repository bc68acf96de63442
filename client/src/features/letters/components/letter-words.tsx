import type { LetterBody } from '@twofold/shared';
import type { ReactNode } from 'react';

interface PmNode {
  type?: unknown;
  text?: unknown;
  content?: unknown;
  marks?: unknown;
  attrs?: unknown;
}

const asNode = (value: unknown): PmNode => (typeof value === 'object' && value !== null ? value : {});
const childrenOf = (node: PmNode): PmNode[] => (Array.isArray(node.content) ? node.content.map(asNode) : []);

function marked(text: string, marks: unknown, key: number): ReactNode {
  let out: ReactNode = text;
  for (const mark of Array.isArray(marks) ? marks.map(asNode) : []) {
    if (mark.type === 'bold') out = <strong>{out}</strong>;
    else if (mark.type === 'italic') out = <em>{out}</em>;
    else if (mark.type === 'strike') out = <s>{out}</s>;
    else if (mark.type === 'underline') out = <u>{out}</u>;
    else if (mark.type === 'code') out = <code>{out}</code>;
    // Links are shown as their words only: a letter is not a place to be sent elsewhere.
  }
  return <span key={key}>{out}</span>;
}

/** Deeper than any letter a person writes; past it, a node is shown as its plain words. */
const MAX_DEPTH = 24;

/** The text under a node, gathered without recursion so no nesting can exhaust the stack. */
function plainWords(node: PmNode): string {
  const words: string[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const current = stack.pop() as PmNode;
    if (typeof current.text === 'string') words.push(current.text);
    stack.push(...childrenOf(current).reverse());
  }
  return words.join(' ');
}

function render(node: PmNode, key: number, depth = 0): ReactNode {
  if (depth > MAX_DEPTH) return <span key={key}>{plainWords(node)}</span>;
  const kids = () => childrenOf(node).map((child, index) => render(child, index, depth + 1));
  switch (node.type) {
    case 'text':
      return typeof node.text === 'string' ? marked(node.text, node.marks, key) : null;
    case 'paragraph':
      return (
        <p key={key} dir="auto">
          {kids()}
        </p>
      );
    case 'heading': {
      const level = asNode(node.attrs) as { level?: unknown };
      return level.level === 2 ? (
        <h3 key={key} dir="auto">
          {kids()}
        </h3>
      ) : (
        <h4 key={key} dir="auto">
          {kids()}
        </h4>
      );
    }
    case 'bulletList':
      return <ul key={key}>{kids()}</ul>;
    case 'orderedList':
      return <ol key={key}>{kids()}</ol>;
    case 'listItem':
      return <li key={key}>{kids()}</li>;
    case 'blockquote':
      return <blockquote key={key}>{kids()}</blockquote>;
    case 'codeBlock':
      return (
        <pre key={key} dir="auto">
          {kids()}
        </pre>
      );
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <hr key={key} />;
    default:
      // Something this version does not know: keep its words rather than lose them.
      return <div key={key}>{kids()}</div>;
  }
}

/**
 * A sent letter's words, drawn from its stored editor JSON as plain React elements: no HTML is
 * injected, unknown shapes keep their text, and a body with no usable structure falls back to
 * its plain words, so a partner's odd client can never break the page or run anything in it.
 * Every block takes its direction from its own words (`dir="auto"`).
 */
export function LetterWords({ body }: { body: LetterBody }) {
  const blocks = childrenOf(asNode(body.doc));
  return (
    <div className="letter-words">
      {blocks.length > 0
        ? blocks.map((block, index) => render(block, index))
        : body.text.split('\n').map((line, index) => (
            <p key={index} dir="auto">
              {line}
            </p>
          ))}
    </div>
  );
}
