import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { projectRoot } from './builder-config';

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  'runs-on': string;
  strategy?: { matrix: { include: Array<Record<string, string>> } };
  steps: Step[];
}

const source = readFileSync(join(projectRoot, '.github', 'workflows', 'release.yml'), 'utf8');
const workflow = load(source) as { on: { push: { tags: string[] } }; jobs: Record<string, Job> };
const job = (name: string): Job => {
  const found = workflow.jobs[name];
  if (!found) throw new Error(`release.yml has no ${name} job`);
  return found;
};

describe('release workflow', () => {
  it('runs on version tags, checks first, then packages, then publishes', () => {
    expect(workflow.on.push.tags).toEqual(['v*']);
    expect(job('package').needs).toBe('verify');
    expect(job('publish').needs).toBe('package');
    expect(job('verify').steps.some((step) => step.run === 'bash .ci/run')).toBe(true);
  });

  it('packages on macOS and Windows runners with Node 22 and the npm cache', () => {
    const matrix = job('package').strategy?.matrix.include ?? [];
    expect(matrix.map((entry) => [entry.os, entry.platform])).toEqual(
      expect.arrayContaining([
        ['macos-latest', 'mac'],
        ['windows-latest', 'win'],
      ]),
    );
    const setupNode = job('package').steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with).toEqual({ 'node-version': 22, cache: 'npm' });
  });

  it('signs and notarizes with repository secrets, and refuses unsigned Mac and Windows releases', () => {
    const packageStep = job('package').steps.find((step) => step.run?.includes('electron-builder'));
    expect(packageStep?.run).toContain('--${{ matrix.platform }}');
    expect(Object.keys(packageStep?.env ?? {})).toEqual(
      expect.arrayContaining([
        'UPDATE_FEED_URL',
        'CSC_LINK',
        'CSC_KEY_PASSWORD',
        'APPLE_ID',
        'APPLE_APP_SPECIFIC_PASSWORD',
        'APPLE_TEAM_ID',
        'WIN_CSC_LINK',
        'WIN_CSC_KEY_PASSWORD',
      ]),
    );
    const signedPlatforms = job('package').strategy?.matrix.include.filter((entry) =>
      entry['builder-flags']?.includes('forceCodeSigning'),
    );
    expect(signedPlatforms?.map((entry) => entry.platform).sort()).toEqual(['mac', 'win']);
  });

  it('documents every secret it uses in its header', () => {
    const header = source.slice(0, source.indexOf('name: Release'));
    for (const [, name] of source.matchAll(/secrets\.([A-Z_]+)/g)) expect(header, name).toContain(name);
  });

  it('publishes the update metadata only after the installers it points to', () => {
    const upload = job('publish').steps.find((step) => step.run?.includes('aws s3 cp'))?.run ?? '';
    expect(upload.indexOf("--exclude 'latest*.yml'")).toBeLessThan(upload.indexOf("--include 'latest*.yml'"));
  });
});
