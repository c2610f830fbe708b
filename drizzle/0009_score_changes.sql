CREATE TABLE `score_changes` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`client_id` integer
);
