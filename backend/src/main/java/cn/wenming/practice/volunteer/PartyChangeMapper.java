package cn.wenming.practice.volunteer;

import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface PartyChangeMapper extends BaseMapper<PartyChange> {

	/** The trail of one volunteer, newest first. */
	default List<PartyChange> ofVolunteer(long volunteerId) {
		return selectList(new LambdaQueryWrapper<PartyChange>().eq(PartyChange::getVolunteerId, volunteerId)
			.orderByDesc(PartyChange::getId));
	}

}
