// Placeholder until the thread element lands in this branch; replaced by its real define module.
export {};
