import { firstFreeName, slugify } from './slug';

describe('slugify', () => {
  it.each([
    ['My GitHub Server', 'my-github-server'],
    ['  --Hello,   World!!--  ', 'hello-world'],
    ['Café Crème', 'cafe-creme'],
    ['UPPER_snake_Case', 'upper-snake-case'],
    ['a---b', 'a-b'],
    ['日本語', 'mcp-server'],
    ['', 'mcp-server'],
    ['!!!', 'mcp-server'],
  ])('turns %j into %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('keeps room for a numeric suffix and never ends in a dash after cutting', () => {
    const slug = slugify(`${'a'.repeat(57)} b c d e`);
    expect(slug.length).toBeLessThanOrEqual(58);
    expect(slug.endsWith('-')).toBe(false);
  });
});

describe('firstFreeName', () => {
  it('takes the base when it is free', () => {
    expect(firstFreeName('github', ['github-2'])).toBe('github');
  });

  it('takes the lowest free suffix from 2 on', () => {
    expect(firstFreeName('github', ['github', 'github-2', 'github-4'])).toBe('github-3');
  });
});
