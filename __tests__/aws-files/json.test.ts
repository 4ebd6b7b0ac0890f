import { describe, expect, it } from 'vitest';
import {
  duplicateKeys,
  type JsonSyntaxError,
  type ParsedJson,
  parseJsonWithLines,
  statementLines,
} from '../../src/aws-files/index.js';

function parsed(text: string): ParsedJson {
  const result = parseJsonWithLines(text);
  if (!result.ok) throw new Error(`expected JSON: ${result.message}`);
  return result;
}

/** The k-th top-level value, as an object. */
function topValue(json: ParsedJson, k = 0): Record<string, unknown> {
  const value = json.values[k]?.value;
  if (typeof value !== 'object' || value === null) throw new Error(`no object at ${k}`);
  return value as Record<string, unknown>;
}

function failed(text: string): JsonSyntaxError {
  const result = parseJsonWithLines(text);
  if (result.ok) throw new Error('expected a syntax error');
  return result;
}

describe('parseJsonWithLines', () => {
  it('gives the line where each document starts, not where a same-named key inside another value is', () => {
    const text = [
      '{', // 1
      '  "RoleDetailList": [', // 2
      '    {', // 3
      '      "AssumeRolePolicyDocument": { "Version": "2012-10-17" },', // 4
      '      "InstanceProfileList": [{ "Roles": [{', // 5
      '        "AssumeRolePolicyDocument": { "Statement": [] }', // 6
      '      }] }],', // 7
      '      "RolePolicyList": [{ "PolicyName": "a", "PolicyDocument": "%7B%7D" }]', // 8
      '    }', // 9
      '  ]', // 10
      '}', // 11
    ].join('\n');
    const json = parsed(text);
    const { values, lineOf } = json;
    const role = (topValue(json).RoleDetailList as Record<string, unknown>[])[0] ?? {};
    const nested = ((role.InstanceProfileList as { Roles: object[] }[])[0]?.Roles[0] ?? {}) as object;
    const inline = (role.RolePolicyList as object[])[0] as object;
    expect(lineOf(role, 'AssumeRolePolicyDocument')).toBe(4);
    expect(lineOf(nested, 'AssumeRolePolicyDocument')).toBe(6);
    expect(lineOf(inline, 'PolicyDocument')).toBe(8);
    expect(values[0]?.line).toBe(1);
  });

  it('does not take a key name inside a string for a key', () => {
    const text = '{\n "Description": "see \\"Document\\": here",\n "Document": {}\n}';
    const { values, lineOf } = parsed(text);
    expect(lineOf(values[0]?.value as object, 'Document')).toBe(3);
  });

  it('still locates documents when a document itself holds a document key', () => {
    const text = '{"PolicyVersion": {\n"Document": {"Statement": [], "Condition": {"Policy": 1}}\n}}';
    const json = parsed(text);
    const version = topValue(json).PolicyVersion as object;
    const { lineOf } = json;
    expect(lineOf(version, 'Document')).toBe(2);
  });

  it('gives no line rather than a wrong one when JSON.parse collapses a duplicate key', () => {
    const text = '{"Policy": {},\n"Policy": {}}';
    const { values, lineOf } = parsed(text);
    expect(lineOf(values[0]?.value as object, 'Policy')).toBeUndefined();
  });

  it('reads several values in a row, as cat or >> writes them, each with its line', () => {
    const text = '{"Policy": {"Arn": "a"}}\n\n{"PolicyVersion": {\n  "Document": {}\n}}\n';
    const json = parsed(text);
    const { values, lineOf } = json;
    expect(values.map((v) => v.line)).toEqual([1, 3]);
    const version = topValue(json, 1).PolicyVersion as object;
    expect(lineOf(version, 'Document')).toBe(4);
  });

  it('skips a UTF-8 byte order mark and leading blank lines', () => {
    const { values } = parsed('\uFEFF\n\n  {"Statement": []}');
    expect(values).toEqual([{ value: { Statement: [] }, line: 3, offset: 5 }]);
  });

  it.each([
    ['a missing comma', '{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}'"],
    ['a trailing comma', '{\n  "a": [1, 2,]\n}', 2, 14, 'expected a value'],
    ['an unquoted key', '{\n  Version: 1\n}', 2, 3, 'expected a property name'],
    ['a string never closed', '{\n  "a": "abc\n', 2, 12, 'control character'],
    ['a bad escape', '{"a": "\\x"}', 1, 8, "invalid escape '\\x'"],
    ['a file cut short', '{\n  "a": {\n', 3, 1, 'found the end of the file'],
    ['YAML output', 'Role:\n  Arn: x\n', 1, 1, 'expected a value'],
    ['a bad number', '{"a": -}', 1, 7, 'invalid number'],
    ['an empty file', '  \n', 1, 1, 'empty'],
  ])('reports %s with its line and column', (_name, text, line, column, message) => {
    const error = failed(text);
    expect(error).toMatchObject({ line, column });
    expect(error.message).toContain(message);
  });

  it('reports an error in the second of two values at its own line', () => {
    expect(failed('{"a": 1}\n{"b": tru}')).toMatchObject({ line: 2, column: 7 });
  });

  it('gives every line alike for the first questions and for the many after them', () => {
    // One role per line, each with a trust document and two inline documents: 300 documents, asked for in
    // reverse order (the first 32 questions are answered by a search, the rest by an index).
    const roles = Array.from(
      { length: 100 },
      (_, i) =>
        `{"RoleName": "r${i}", "AssumeRolePolicyDocument": {"Version": "2012-10-17"}, "RolePolicyList": [{"PolicyDocument": "a"}, {"PolicyDocument": "b"}]}`,
    );
    const json = parsed(`{"RoleDetailList": [\n${roles.join(',\n')}\n]}`);
    const list = topValue(json).RoleDetailList as Record<string, unknown>[];
    for (let i = list.length - 1; i >= 0; i--) {
      const role = list[i] as Record<string, unknown>;
      const [a, b] = role.RolePolicyList as object[];
      expect(json.lineOf(role, 'AssumeRolePolicyDocument')).toBe(i + 2);
      expect(json.lineOf(b as object, 'PolicyDocument')).toBe(i + 2);
      expect(json.lineOf(a as object, 'PolicyDocument')).toBe(i + 2);
      expect(json.lineOf(role, 'PolicyDocument')).toBeUndefined();
      expect(json.lineOf(a as object, 'AssumeRolePolicyDocument')).toBeUndefined();
    }
    expect(json.lineOf({}, 'Document')).toBeUndefined();
  });

  it('handles deep nesting without overflowing the stack', () => {
    const depth = 100_000;
    const text = `${'['.repeat(depth)}${']'.repeat(depth - 1)}`;
    expect(failed(text).message).toContain("expected ',' or ']'");
  });
});

describe('duplicateKeys', () => {
  it('finds a key given twice in one object, at any depth, with both lines, and not across objects', () => {
    const text =
      '{\n  "Statement": [\n    { "Effect": "Allow",\n      "Effect": "Deny" },\n    { "Effect": "Allow" }\n  ]\n}';
    expect(duplicateKeys(text)).toEqual([{ key: 'Effect', lines: [3, 4] }]);
    expect(duplicateKeys('{"a": {"b": 1}, "c": {"b": 2}, "s": "\\"a\\": 1, \\"a\\""}')).toEqual([]);
    expect(duplicateKeys('{"a": 1, "\\u0061": 2}')).toEqual([{ key: 'a', lines: [1, 1] }]);
  });
});

describe('statementLines', () => {
  it('gives the line of each statement object of the top-level Statement array', () => {
    const text =
      '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Effect": "Allow",\n      "Condition": {"StringEquals": {"a": [{"x": 1}]}}\n    },\n    { "Effect": "Deny" }\n  ]\n}';
    expect(statementLines(text)).toEqual([4, 8]);
  });

  it('gives one line for a single Statement object, and the last Statement when the key repeats (as JSON.parse keeps it)', () => {
    expect(statementLines('{\n"Statement":\n  {"Effect": "Allow"}\n}')).toEqual([3]);
    expect(statementLines('{"Statement": [{"Effect": "Deny"}],\n"Statement": [\n{"Effect": "Allow"}]}')).toEqual([3]);
  });

  it('ignores a Statement key below the top level, and values that are not statement objects', () => {
    expect(statementLines('{"Policy": {"Statement": [{"Effect": "Allow"}]}}')).toEqual([]);
    expect(statementLines('{"Statement": "none", "Other": [{"a": 1}]}')).toEqual([]);
    expect(statementLines('[{"Statement": [{}]}]')).toEqual([]);
  });
});
