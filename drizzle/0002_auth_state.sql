CREATE TABLE `auth_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`session_epoch` integer DEFAULT 1 NOT NULL,
	`password_fingerprint` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "auth_state_singleton" CHECK("auth_state"."id" = 1),
	CONSTRAINT "auth_state_epoch_positive" CHECK("auth_state"."session_epoch" >= 1)
);
