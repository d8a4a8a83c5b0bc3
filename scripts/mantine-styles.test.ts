import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Mantine's stylesheets are imported per component (src/app/mantine.css for the first load, the
// rest by the module that uses them): a component used without its stylesheet renders unstyled.
// e2e/a11y.spec.ts checks each page and dialog in a browser; this checks every module, page shown or not.
const STYLES = 'node_modules/@mantine/core/styles';
const stylesheetOf = (component: string) => `@mantine/core/styles/${component}.layer.css`;

const firstLoad = new Set(
  [...readFileSync('src/app/mantine.css', 'utf8').matchAll(/@import '([^']+)'/g)].map(
    ([, path]) => path,
  ),
);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

// Components styled (also) by another component's stylesheet, as found in a browser
// (e2e/a11y.spec.ts): NativeSelect's chevron is Combobox's.
const ALSO_STYLED_BY: Record<string, string[]> = { NativeSelect: ['Combobox'] };

/** The stylesheets of the components a module imports from @mantine/core, by component. */
function styledComponents(code: string): string[] {
  return [...code.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@mantine\/core'/g)]
    .flatMap(([, names]) => names!.split(','))
    .map((name) => name.trim())
    .filter((name) => /^[A-Z]\w*$/.test(name))
    .flatMap((name) => [name, ...(ALSO_STYLED_BY[name] ?? [])])
    .filter((name) => existsSync(join(STYLES, `${name}.layer.css`)));
}

const modules = sources('src').map((path) => ({ path, code: readFileSync(path, 'utf8') }));

describe('Mantine stylesheets', () => {
  it('finds the modules and the components they use (a broken pattern would check nothing)', () => {
    const used = modules.flatMap(({ code }) => styledComponents(code));
    expect(used).toEqual(expect.arrayContaining(['Button', 'Modal', 'Table', 'Tooltip']));
    expect(firstLoad.has(stylesheetOf('Button'))).toBe(true);
  });

  it.each(modules.filter(({ code }) => styledComponents(code).length > 0))(
    '$path imports the stylesheet of each component it uses, or the first load has it',
    ({ code }) => {
      const missing = styledComponents(code).filter(
        (name) => !firstLoad.has(stylesheetOf(name)) && !code.includes(`'${stylesheetOf(name)}'`),
      );
      expect(missing).toEqual([]);
    },
  );

  it("loads the first-load stylesheets in the order of Mantine's styles.css", () => {
    // Each stylesheet's first static class, found in the full stylesheet: where it stands there.
    const full = readFileSync(join(STYLES, '..', 'styles.css'), 'utf8');
    const positions = [...firstLoad].map((path) => {
      const own = readFileSync(`node_modules/${path.replace('.layer.css', '.css')}`, 'utf8');
      const first = /\.m_[0-9a-f]{8}\b/.exec(own)?.[0];
      return first ? full.indexOf(first) : -1;
    });
    const placed = positions.filter((position) => position >= 0);
    expect(placed.length).toBeGreaterThan(20);
    expect(placed).toEqual(placed.toSorted((a, b) => a - b));
  });

  it('imports only stylesheets that exist', () => {
    const imported = [
      ...firstLoad,
      ...modules.flatMap(({ code }) =>
        [...code.matchAll(/import '(@mantine\/core\/styles\/[^']+)'/g)].map(([, path]) => path!),
      ),
    ];
    expect(imported.filter((path) => !existsSync(`node_modules/${path}`))).toEqual([]);
  });
});
