package cn.wenming.practice.need;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface NeedParticipantMapper extends BaseMapper<NeedParticipant> {

	default List<NeedParticipant> ofNeeds(Collection<Long> needIds) {
		return needIds.isEmpty() ? List.of()
				: selectList(new QueryWrapper<NeedParticipant>().in("need_id", needIds).orderByAsc("need_id", "user_id"));
	}

}
