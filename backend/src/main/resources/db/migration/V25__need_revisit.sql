-- 回访: staff record the rating of an assisted need (a resident without an account) on their
-- behalf. The move is an ordinary RATED row in the timeline; `kind` tells it apart so the
-- timeline can say 回访 and who recorded it (actor_user_id). NULL: an ordinary move.
ALTER TABLE need_history
    ADD COLUMN kind VARCHAR(16) NULL AFTER to_status;
