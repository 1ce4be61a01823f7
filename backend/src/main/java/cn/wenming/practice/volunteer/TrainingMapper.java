package cn.wenming.practice.volunteer;

import java.util.Collection;
import java.util.List;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface TrainingMapper extends BaseMapper<Training> {

	default List<Training> findByVolunteers(Collection<Long> volunteerIds) {
		return volunteerIds.isEmpty() ? List.of()
				: selectList(new LambdaQueryWrapper<Training>()
					.in(Training::getVolunteerId, volunteerIds)
					.orderByAsc(Training::getVolunteerId, Training::getId));
	}

}
