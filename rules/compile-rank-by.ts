import { rankFactValue, rankResult, type RankExpression } from './rank-expression.ts';

type Facts = Readonly<Record<string, unknown>>;
type Value = (facts: Facts) => number | undefined;

function compile(e: RankExpression): Value {
  switch (e.kind) {
    case 'number': {
      const { value } = e;
      return () => value;
    }
    case 'fact': {
      const { name } = e;
      return (facts) => rankFactValue(facts, name);
    }
    case 'negate': {
      const operand = compile(e.operand);
      return (facts) => {
        const v = operand(facts);
        return v === undefined ? undefined : -v;
      };
    }
    case 'binary': {
      const [left, right] = [compile(e.left), compile(e.right)];
      const apply: (a: number, b: number) => number =
        e.operator === '+' ? (a, b) => a + b
        : e.operator === '-' ? (a, b) => a - b
        : e.operator === '*' ? (a, b) => a * b
        : (a, b) => a / b;
      return (facts) => {
        const a = left(facts);
        if (a === undefined) return undefined;
        const b = right(facts);
        return b === undefined ? undefined : apply(a, b);
      };
    }
  }
}

/**
 * A rank expression compiled once into closures, for a release cycle that ranks a large pool by it; the
 * same value as interpretRankExpression, which the differential test holds it to.
 */
export function compileRankExpression(expression: RankExpression): Value {
  const value = compile(expression);
  return (facts) => rankResult(value(facts));
}
