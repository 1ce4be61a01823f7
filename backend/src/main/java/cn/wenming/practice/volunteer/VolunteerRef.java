package cn.wenming.practice.volunteer;

/**
 * What other features need to know about a volunteer: who they are, their home station (for
 * admin scope) and whether they have completed training (先培训再上岗).
 */
public record VolunteerRef(long id, long userId, long homeStationId, boolean trained) {
}
