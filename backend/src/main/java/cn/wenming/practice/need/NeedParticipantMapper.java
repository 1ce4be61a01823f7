package cn.wenming.practice.need;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface NeedParticipantMapper extends BaseMapper<NeedParticipant> {

	default List<NeedParticipant> ofNeeds(Collection<Long> needIds) {
		return needIds.isEmpty() ? List.of()
				: selectList(Wrappers.lambdaQuery(NeedParticipant.class)
					.in(NeedParticipant::getNeedId, needIds)
					.orderByAsc(NeedParticipant::getNeedId, NeedParticipant::getUserId));
	}

}
