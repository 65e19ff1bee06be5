/**
 * Accounts from the command line (for the operator of the server, who has full power): `suocha users
 * list|add|disable|enable|unlock|passwd`, `suocha departments list|add`, `suocha tokens list|add|revoke`.
 * Passwords are read from stdin when it is piped, otherwise generated and printed once.
 */
import {
  accessPolicy,
  createDepartment,
  createToken,
  createUser,
  listTokens,
  listUserViews,
  normaliseUsername,
  revokeToken,
  updateUser,
  type AccessError,
  type UserPatch,
} from '@suocha/services';
import { getUserByUsername, listDepartments, type Store } from '@suocha/store';
import type { Command } from 'commander';
import { UserError, withStore, type GlobalFlags } from '../context';
import { printer } from '../output';

const now = () => new Date().toISOString();

export function accessFailure(e: AccessError): UserError {
  if (!e.problems?.length) return new UserError(e.message);
  return new UserError(
    `输入有误 invalid input:\n${e.problems.map((p) => `  ${p.field}: ${p.message}`).join('\n')}`,
  );
}

/**
 * The password piped on stdin (its first line), or null when stdin is a terminal or empty. Waits at most
 * `firstByteMs` for data to start, so a never-closed stdin (a process manager) cannot hang the command.
 */
export function passwordFromStdin(
  stdin: NodeJS.ReadStream = process.stdin,
  firstByteMs = 3000,
): Promise<string | null> {
  if (stdin.isTTY) return Promise.resolve(null);
  return new Promise((resolve, reject) => {
    let data = '';
    const done = (v: string | null) => {
      clearTimeout(timer);
      stdin.removeAllListeners('data');
      stdin.removeAllListeners('end');
      stdin.removeAllListeners('error');
      stdin.pause();
      resolve(v);
    };
    const timer = setTimeout(() => {
      if (data === '') {
        stdin.destroy();
        done(null);
      }
    }, firstByteMs);
    stdin.setEncoding('utf8');
    stdin.on('data', (chunk: string) => {
      data += chunk;
    });
    stdin.on('end', () => {
      const line = data.split(/\r?\n/)[0] ?? '';
      done(line === '' ? null : line);
    });
    stdin.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}

/** Prints a generated password once, so that it stands out and can be copied. */
export function announcePassword(
  username: string,
  password: string,
  out: { write(s: string): unknown } = process.stdout,
): void {
  out.write(
    `\n初始密码 password for ${username} (只显示这一次，请妥善保存并在首次登录后修改; shown only once — keep it safe and change it after logging in):\n\n    ${password}\n\n`,
  );
}

async function userByName(store: Store, username: string) {
  const u = await getUserByUsername(store, normaliseUsername(username));
  if (!u) throw new UserError(`用户 ${username} 不存在 (no user ${username})`);
  return u;
}

async function patchUser(store: Store, username: string, patch: UserPatch) {
  const u = await userByName(store, username);
  const r = await updateUser(store, u.id, patch, now(), accessPolicy());
  if (!r.ok) throw accessFailure(r.error);
  return r.value;
}

export function usersCommands(program: Command): void {
  const users = program.command('users').description('用户管理 — user accounts');

  users
    .command('list')
    .description('列出用户 — list users')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const rows = (await listUserViews(store, now())).map((u) => ({
          id: u.id,
          username: u.username,
          displayName: u.displayName,
          role: u.role,
          scopeUnit: u.scopeUnit.code,
          scopeName: u.scopeUnit.name,
          department: u.department?.code ?? null,
          active: u.active,
          lockedUntil: u.lockedUntil,
          lastLoginAt: u.lastLoginAt,
        }));
        printer(Boolean(opts.json)).list(rows);
      });
    });

  users
    .command('add <username>')
    .description('新增用户(密码从标准输入读取或自动生成) — add a user; password from stdin or generated')
    .requiredOption('--role <role>', 'province_admin, province_analyst, department, city or county')
    .requiredOption('--scope <code>', 'scope unit code (a province, city or county matching the role)')
    .option('--name <display>', 'display name (default: the username)')
    .option('--department <code>', 'department code (department users only)')
    .option('--json', 'print the user as JSON')
    .action(
      async (
        username: string,
        opts: { role: string; scope: string; name?: string; department?: string; json?: boolean },
        cmd: Command,
      ) => {
        const piped = await passwordFromStdin();
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const r = await createUser(
            store,
            {
              username,
              displayName: opts.name ?? username,
              role: opts.role,
              scopeUnit: opts.scope,
              department: opts.department ?? null,
              ...(piped !== null ? { password: piped } : {}),
            },
            now(),
            accessPolicy(),
          );
          if (!r.ok) throw accessFailure(r.error);
          const { user, generatedPassword } = r.value;
          if (opts.json) {
            process.stdout.write(`${JSON.stringify({ user, password: generatedPassword })}\n`);
            return;
          }
          process.stdout.write(
            `已创建用户 created ${user.username} (${user.roleName.zh}, ${user.scopeUnit.name})\n`,
          );
          if (generatedPassword) announcePassword(user.username, generatedPassword);
        });
      },
    );

  for (const [name, zh, patch] of [
    ['disable', '停用用户(立即结束其会话，令牌失效)', { active: false }],
    ['enable', '启用用户', { active: true }],
    ['unlock', '解除登录锁定', { unlock: true }],
  ] as const) {
    users
      .command(`${name} <username>`)
      .description(`${zh} — ${name} a user`)
      .action(async (username: string, _opts: unknown, cmd: Command) => {
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const { user } = await patchUser(store, username, patch);
          process.stdout.write(`${user.username}: ${user.active ? 'active 启用' : 'disabled 停用'}\n`);
        });
      });
  }

  users
    .command('passwd <username>')
    .description('重置密码(从标准输入读取或自动生成；结束其会话) — reset a password; ends the sessions')
    .action(async (username: string, _opts: unknown, cmd: Command) => {
      const piped = await passwordFromStdin();
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const r = await patchUser(store, username, { resetPassword: piped ?? true });
        process.stdout.write(`已重置密码 password reset for ${r.user.username}\n`);
        if (r.generatedPassword) announcePassword(r.user.username, r.generatedPassword);
      });
    });

  const departments = program.command('departments').description('省级部门 — provincial departments');
  departments
    .command('list')
    .option('--json', 'print a JSON array')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        printer(Boolean(opts.json)).list((await listDepartments(store)).map((d) => ({ ...d })));
      });
    });
  departments
    .command('add <code>')
    .requiredOption('--zh <name>', 'Chinese name, e.g. 省农业农村厅')
    .requiredOption('--en <name>', 'English name')
    .action(async (code: string, opts: { zh: string; en: string }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const r = await createDepartment(store, { code, nameZh: opts.zh, nameEn: opts.en }, now());
        if (!r.ok) throw accessFailure(r.error);
        process.stdout.write(`已创建部门 created department ${r.value.code} ${r.value.nameZh}\n`);
      });
    });

  const tokens = program.command('tokens').description('API 令牌 — API tokens for machine clients');
  tokens
    .command('list')
    .option('--user <username>', 'only this user’s tokens')
    .option('--json', 'print a JSON array')
    .action(async (opts: { user?: string; json?: boolean }, cmd: Command) => {
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const filter = opts.user ? { userId: (await userByName(store, opts.user)).id } : {};
        printer(Boolean(opts.json)).list(
          (await listTokens(store, filter)).map((t) => ({ ...t })),
          ['id', 'username', 'name', 'prefix', 'createdAt', 'lastUsedAt', 'expiresAt', 'revokedAt'],
        );
      });
    });
  tokens
    .command('add <username>')
    .description('为用户创建令牌(令牌只显示一次) — create a token acting as the user; shown once')
    .requiredOption('--name <name>', 'what the token is for, e.g. "衢州 ETL"')
    .option('--expires-in-days <days>', 'expire after this many days (default: never; revoke instead)')
    .option('--json', 'print {token, secret} as JSON')
    .action(
      async (
        username: string,
        opts: { name: string; expiresInDays?: string; json?: boolean },
        cmd: Command,
      ) => {
        const days = opts.expiresInDays === undefined ? null : Number(opts.expiresInDays);
        await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
          const user = await userByName(store, username);
          const r = await createToken(store, user.id, { name: opts.name, expiresInDays: days }, now());
          if (!r.ok) throw accessFailure(r.error);
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(r.value)}\n`);
            return;
          }
          process.stdout.write(
            `已创建令牌 token ${r.value.token.id} for ${user.username} (只显示这一次 shown only once; send it as "Authorization: Bearer <token>"):\n\n    ${r.value.secret}\n\n`,
          );
        });
      },
    );
  tokens
    .command('revoke <id>')
    .description('撤销令牌 — revoke a token')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const n = Number(id);
      if (!Number.isInteger(n) || n <= 0)
        throw new UserError(`令牌编号应为正整数 (token id must be a positive integer)`);
      await withStore(cmd.optsWithGlobals<GlobalFlags>(), async (store) => {
        const r = await revokeToken(store, n, now());
        if (!r.ok) throw accessFailure(r.error);
        process.stdout.write(`已撤销令牌 revoked token ${r.value.id} (${r.value.name})\n`);
      });
    });
}
