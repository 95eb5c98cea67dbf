import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operations, schemaPath } from './operations.ts';

describe('the central contract', () => {
  const schema = buildSchema(readFileSync(schemaPath, 'utf8'));

  it.each(Object.entries(operations))('the till operation %s is valid against sync/schema.graphql', (_name, text) => {
    expect(validate(schema, parse(text)).map(String)).toEqual([]);
  });

  it('carries no store or till id in a pushed mutation (the server takes them from the credential)', () => {
    const fieldsOf = (name: string): string[] => {
      const type = schema.getType(name);
      if (!type || !('getFields' in type)) throw new Error(`no type ${name}`);
      return Object.keys(type.getFields());
    };
    for (const input of ['MutationInput', 'SaleInput']) {
      expect(fieldsOf(input)).not.toContain('storeId');
      expect(fieldsOf(input)).not.toContain('tillId');
    }
  });
});
