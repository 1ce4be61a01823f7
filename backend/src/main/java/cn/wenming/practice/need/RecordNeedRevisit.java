package cn.wenming.practice.need;

/** 回访 by staff for an assisted need (see {@link NeedClosing}): the resident's 1–5 stars and the staff's note. */
record RecordNeedRevisit(long needId, int stars, String note) {
}
