import argon2 from 'argon2';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
  /** Spends the same work as a real check, so unknown users cost what known ones do. */
  burn(password: string): Promise<void>;
}

export interface Argon2Cost {
  readonly memoryKiB: number;
  readonly iterations: number;
}

export function argon2idHasher(cost: Argon2Cost): PasswordHasher {
  const options = {
    type: argon2.argon2id,
    memoryCost: cost.memoryKiB,
    timeCost: cost.iterations,
    parallelism: 1,
  } as const;
  let decoy: Promise<string> | undefined;
  return {
    hash: (password) => argon2.hash(password, options),
    async verify(hash, password) {
      try {
        return await argon2.verify(hash, password);
      } catch {
        return false;
      }
    },
    async burn(password) {
      decoy ??= argon2.hash('decoy password for unknown users', options);
      await argon2.verify(await decoy, password).catch(() => false);
    },
  };
}
